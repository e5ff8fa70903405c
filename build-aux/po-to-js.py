#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes the translations of a web front end's words as a script.

    po-to-js.py PO_DIR SOURCE_PATTERN OUTPUT

For each language of PO_DIR/LINGUAS, takes the messages of PO_DIR/<lang>.po
extracted from files matching SOURCE_PATTERN (msggrep --location), compiles
them with msgfmt (which leaves out fuzzy and untranslated ones), and writes
OUTPUT, a script that sets

    globalThis.TRANSLATIONS = {"de": {"Run all": "Alle ausführen", ...}, ...}

for the page to pick from by navigator.languages. The page's own strings
stay marked with _() in its JavaScript, where xgettext finds them.
"""

import json
import os
import struct
import subprocess
import sys


def read_mo(data):
    """The messages of a compiled catalog, without its header."""
    magic = struct.unpack('<I', data[:4])[0]
    order = '<' if magic == 0x950412de else '>'
    _, count, originals, translations = struct.unpack(order + '4I', data[4:20])
    messages = {}
    for i in range(count):
        length, offset = struct.unpack(order + '2I', data[originals + 8 * i:originals + 8 * i + 8])
        msgid = data[offset:offset + length].decode('utf-8')
        length, offset = struct.unpack(order + '2I', data[translations + 8 * i:translations + 8 * i + 8])
        msgstr = data[offset:offset + length].decode('utf-8')
        if msgid:
            messages[msgid] = msgstr
    return messages


def main():
    po_dir, pattern, output = sys.argv[1:4]
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as linguas:
        languages = [word for line in linguas for word in line.split('#')[0].split()]

    translations = {}
    for language in languages:
        po = os.path.join(po_dir, language + '.po')
        subset = subprocess.run(['msggrep', '--location=' + pattern, po],
                                check=True, capture_output=True).stdout
        compiled = subprocess.run(['msgfmt', '--check', '--output-file=-', '-'],
                                  input=subset, check=True, capture_output=True).stdout
        translations[language] = read_mo(compiled)

    with open(output, 'w', encoding='utf-8') as script:
        script.write('// Made by build-aux/po-to-js.py from %s: not to be edited.\n'
                     % os.path.basename(os.path.normpath(po_dir)))
        script.write('globalThis.TRANSLATIONS = %s;\n'
                     % json.dumps(translations, ensure_ascii=False, indent=1, sort_keys=True))


if __name__ == '__main__':
    main()
