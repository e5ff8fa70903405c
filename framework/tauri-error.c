/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-error.h"

G_DEFINE_QUARK (tauri-command-error-quark, tauri_command_error)
