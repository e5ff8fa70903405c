#!/usr/bin/env python3
"""Checks that frontend/dist, kept for builds without npm, is what Vite
builds now.

    check-dist.py BUILT_DIR KEPT_DIR
"""

import filecmp
import os
import sys


def differences(built, kept, path=''):
    compare = filecmp.dircmp(os.path.join(built, path), os.path.join(kept, path))
    found = [os.path.join(path, name) for name in compare.left_only + compare.right_only + compare.diff_files]
    for folder in compare.common_dirs:
        found += differences(built, kept, os.path.join(path, folder))
    return found


built, kept = sys.argv[1:3]
found = differences(built, kept)
if found:
    sys.exit('frontend/dist is not what Vite builds now (%s): run “npm run build” in frontend/ '
             'and commit frontend/dist' % ', '.join(sorted(found)))
print('frontend/dist is current')
