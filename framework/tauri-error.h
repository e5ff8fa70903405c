/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#if !defined(TAURI_INSIDE) && !defined(TAURI_COMPILATION)
# error "Only <tauri.h> can be included directly."
#endif

#include <glib.h>

#include "tauri-version.h"

G_BEGIN_DECLS

/**
 * TAURI_COMMAND_ERROR:
 *
 * The error domain of the errors a command call rejects with when the
 * framework, not the command's handler, refuses it.
 *
 * Since: 0.1
 */
#define TAURI_COMMAND_ERROR (tauri_command_error_quark ())

/**
 * TauriCommandError:
 * @TAURI_COMMAND_ERROR_FAILED: the handler failed
 * @TAURI_COMMAND_ERROR_NOT_FOUND: no command has that name
 * @TAURI_COMMAND_ERROR_INVALID_ARGS: an argument is missing, of the wrong
 *   type, or the arguments are not valid JSON
 * @TAURI_COMMAND_ERROR_NOT_ALLOWED: the caller may not run the command
 * @TAURI_COMMAND_ERROR_LIMIT_EXCEEDED: the call is larger or nested deeper
 *   than the registry accepts
 * @TAURI_COMMAND_ERROR_CANCELLED: the call was cancelled, for example
 *   because its window closed
 * @TAURI_COMMAND_ERROR_NO_ANSWER: the handler dropped the invocation
 *   without answering it
 *
 * Errors of the %TAURI_COMMAND_ERROR domain.
 *
 * Since: 0.1
 */
typedef enum
{
  TAURI_COMMAND_ERROR_FAILED,
  TAURI_COMMAND_ERROR_NOT_FOUND,
  TAURI_COMMAND_ERROR_INVALID_ARGS,
  TAURI_COMMAND_ERROR_NOT_ALLOWED,
  TAURI_COMMAND_ERROR_LIMIT_EXCEEDED,
  TAURI_COMMAND_ERROR_CANCELLED,
  TAURI_COMMAND_ERROR_NO_ANSWER,
} TauriCommandError;

TAURI_AVAILABLE_IN_ALL
GQuark tauri_command_error_quark (void);

G_END_DECLS
