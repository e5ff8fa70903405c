#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Checks an app's icons as GNOME wants them: each an SVG that parses, the
scalable one square, the symbolic one 16×16.

    check-icons.py SCALABLE.svg SYMBOLIC.svg
"""

import sys
import xml.etree.ElementTree as ElementTree


def size(path):
    root = ElementTree.parse(path).getroot()
    if root.tag != '{http://www.w3.org/2000/svg}svg':
        sys.exit('%s: not an SVG image (its root is %s)' % (path, root.tag))
    box = root.get('viewBox', '0 0 %s %s' % (root.get('width'), root.get('height'))).split()
    return float(box[2]), float(box[3])


scalable, symbolic = sys.argv[1:3]
width, height = size(scalable)
if width != height:
    sys.exit('%s: %g×%g, not square' % (scalable, width, height))
if size(symbolic) != (16, 16):
    sys.exit('%s: %g×%g, not 16×16' % ((symbolic,) + size(symbolic)))
print('%s: %g×%g; %s: 16×16' % (scalable, width, height, symbolic))
