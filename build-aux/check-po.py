#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Checks that each language of a po folder translates every message the
sources mark now, and none fuzzily.

    check-po.py SOURCE_ROOT PO_DIR...

For each PO_DIR, extracts the messages of its POTFILES.in as Meson's
i18n module does (xgettext, the glib preset's keywords), merges each
<lang>.po of its LINGUAS with them, and fails on a message that is
untranslated, fuzzy or missing from the catalog.
"""

import os
import subprocess
import sys
import tempfile

KEYWORDS = ['_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'g_dcgettext:2', 'g_dngettext:2,3', 'g_dpgettext2:2c,3']


def main():
    root, po_dirs = sys.argv[1], sys.argv[2:]
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        for po_dir in po_dirs:
            pot = os.path.join(scratch, 'messages.pot')
            subprocess.run(['xgettext', '--from-code=UTF-8', '--add-comments', '--directory', root,
                            '--files-from', os.path.join(root, po_dir, 'POTFILES.in'), '--output', pot]
                           + ['--keyword=' + k for k in KEYWORDS], check=True)
            with open(os.path.join(root, po_dir, 'LINGUAS'), encoding='utf-8') as linguas:
                languages = [w for line in linguas for w in line.split('#')[0].split()]
            for language in languages:
                po = os.path.join(root, po_dir, language + '.po')
                fuzzy = subprocess.run(['msgattrib', '--only-fuzzy', '--no-obsolete', po],
                                       check=True, capture_output=True, text=True).stdout
                merged = os.path.join(scratch, language + '.po')
                subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '--output-file', merged, po, pot],
                               check=True)
                statistics = subprocess.run(['msgfmt', '--check', '--statistics', '--output-file', '/dev/null',
                                             merged], check=True, capture_output=True, text=True).stderr.strip()
                if fuzzy or 'untranslated' in statistics or 'fuzzy' in statistics:
                    failed = True
                    print('%s: %s (run meson compile <domain>-update-po, then translate what is new)'
                          % (po, statistics), file=sys.stderr)
                else:
                    print('%s: %s' % (po, statistics))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
