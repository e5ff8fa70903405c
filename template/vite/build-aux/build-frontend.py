#!/usr/bin/env python3
"""Builds the Vite front end into a folder of the build directory.

    build-frontend.py NPM FRONTEND_DIR OUTPUT_DIR

Installs the packages that package-lock.json pins first, when node_modules
is missing or older than it.
"""

import os
import subprocess
import sys


def main():
    npm, frontend, output = sys.argv[1:4]
    lock = os.path.join(frontend, 'package-lock.json')
    installed = os.path.join(frontend, 'node_modules', '.package-lock.json')
    if not os.path.exists(installed) or (os.path.exists(lock) and
                                         os.path.getmtime(lock) > os.path.getmtime(installed)):
        subprocess.run([npm, 'ci' if os.path.exists(lock) else 'install', '--no-audit', '--no-fund'],
                       cwd=frontend, check=True)
    subprocess.run([npm, 'run', 'build', '--', '--outDir', os.path.abspath(output), '--emptyOutDir',
                    '--logLevel', 'warn'], cwd=frontend, check=True)


if __name__ == '__main__':
    main()
