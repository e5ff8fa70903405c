/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-error.h"

/**
 * tauri_command_error_quark:
 *
 * The error domain of the errors a command call is refused with by the
 * framework; see [error@CommandError].
 *
 * Returns: the %TAURI_COMMAND_ERROR domain
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (tauri-command-error-quark, tauri_command_error)
