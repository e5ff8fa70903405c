/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#define TAURI_INSIDE

#include "tauri-version.h"
#include "tauri-types.h"
#include "tauri-enums.h"
#include "tauri-channel.h"
#include "tauri-command.h"
#include "tauri-command-registry.h"
#include "tauri-invocation.h"
#include "tauri-json.h"
#include "tauri-window.h"
#include "tauri-app.h"

#undef TAURI_INSIDE
