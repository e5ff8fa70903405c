#!/usr/bin/env python3
"""Lists every file of a front end in a GResource XML file.

    frontend-resources.py DIR PREFIX OUTPUT [DEPFILE]

A front end built by Vite has hashed file names (assets/index-3f2a1b.js),
so no file gets a line of its own: this writes OUTPUT, the XML for
glib-compile-resources, with each file under DIR at PREFIX/<its path>, and
DEPFILE, naming DIR and its folders, so that a file added or removed makes
the build list the files again.
"""

import os
import sys
from xml.sax.saxutils import escape, quoteattr


def main():
    directory, prefix, output = sys.argv[1:4]
    files, folders = [], [directory]
    for root, dirs, names in os.walk(directory):
        dirs.sort()
        folders += [os.path.join(root, d) for d in dirs]
        for name in sorted(names):
            if name == 'meson.build':
                continue
            files.append(os.path.relpath(os.path.join(root, name), directory))
    if 'index.html' not in files:
        sys.exit('%s: the front end %s has no index.html' % (sys.argv[0], directory))

    with open(output, 'w', encoding='utf-8') as xml:
        xml.write('<?xml version="1.0" encoding="UTF-8"?>\n<gresources>\n')
        xml.write('  <gresource prefix=%s>\n' % quoteattr(prefix))
        for path in files:
            xml.write('    <file>%s</file>\n' % escape(path))
        xml.write('  </gresource>\n</gresources>\n')

    if len(sys.argv) > 4:
        with open(sys.argv[4], 'w', encoding='utf-8') as depfile:
            depfile.write('%s: %s\n' % (output.replace(' ', '\\ '),
                                        ' '.join(f.replace(' ', '\\ ') for f in folders)))


if __name__ == '__main__':
    main()
