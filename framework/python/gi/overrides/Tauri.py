# SPDX-License-Identifier: LGPL-2.1-or-later
"""PyGObject's overrides of the Tauri namespace.

A command's handler written in Python answers its call, or raises: an
exception that escapes a handler rejects the call with its message, at
once, as an error returned by the handler would, so that no promise of the
page waits for an answer that will never come. It is printed, as PyGObject
prints the exceptions of callbacks.

- Command.new(): the main-thread handler, and a handler of the registry's
  `command` signal, reject the call unless they answered it already.
- Command.new_thread(): the worker-thread handler raises GLib.Error to
  reject; any other exception is turned into one with its message.

Installed beside PyGObject's own overrides (gi/overrides/Tauri.py), and
found in a build tree through the `run` script's PYTHONPATH.
"""

import functools
import sys
import traceback

from gi.repository import GLib

from ..module import get_introspection_module
from ..overrides import override

Tauri = get_introspection_module('Tauri')

__all__ = []


def _message(error):
    """What a page sees of @error: its message, or its type's name."""
    text = str(error)
    return text if text else type(error).__name__


def _print(error):
    traceback.print_exception(type(error), error, error.__traceback__, file=sys.stderr)


def _reject(invocation, error):
    _print(error)
    if not invocation.is_answered():
        invocation.return_error_message(_message(error))


def _answering(func):
    """Wraps a main-thread handler: an exception rejects the call."""
    @functools.wraps(func)
    def handler(invocation, *args):
        try:
            func(invocation, *args)
        except Exception as error:  # noqa: BLE001 - the page gets it
            _reject(invocation, error)
    return handler


def _answering_in_thread(func):
    """Wraps a worker-thread handler: an exception other than GLib.Error
    becomes one, which rejects the call with its message."""
    @functools.wraps(func)
    def handler(invocation, cancellable, *args):
        try:
            return func(invocation, cancellable, *args)
        except GLib.Error:
            raise
        except Exception as error:  # noqa: BLE001 - the page gets it
            _print(error)
            raise GLib.Error(_message(error)) from error
    return handler


def _answering_signal(func):
    """Wraps a handler of CommandRegistry::command: an exception rejects the
    call and counts as having taken it."""
    @functools.wraps(func)
    def handler(registry, invocation, *args):
        try:
            return func(registry, invocation, *args)
        except Exception as error:  # noqa: BLE001 - the page gets it
            _reject(invocation, error)
            return True
    return handler


class Command(Tauri.Command):
    @classmethod
    def new(cls, name, parameters, flags, func=None, *user_data):
        if func is not None:
            func = _answering(func)
        return Tauri.Command.new(name, parameters, flags, func, *user_data)

    @classmethod
    def new_thread(cls, name, parameters, flags, func, *user_data):
        return Tauri.Command.new_thread(name, parameters, flags, _answering_in_thread(func), *user_data)


Command = override(Command)
__all__.append('Command')


class CommandRegistry(Tauri.CommandRegistry):
    def connect(self, detailed_signal, handler, *args):
        if detailed_signal == 'command' or detailed_signal.startswith('command::'):
            handler = _answering_signal(handler)
        return super().connect(detailed_signal, handler, *args)

    def connect_after(self, detailed_signal, handler, *args):
        if detailed_signal == 'command' or detailed_signal.startswith('command::'):
            handler = _answering_signal(handler)
        return super().connect_after(detailed_signal, handler, *args)


CommandRegistry = override(CommandRegistry)
__all__.append('CommandRegistry')
