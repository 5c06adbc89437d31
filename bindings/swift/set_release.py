"""Points Package.swift's `release` at a zipped XCFramework: its download URL and its SHA-256
(what `swift package compute-checksum` prints). Used by release.sh; check_swift.py tests it.

    python3 set_release.py <Package.swift> <url of the zip> <OcopFFI.xcframework.zip>
"""

import hashlib
import re
import sys
from pathlib import Path

RELEASE = re.compile(r"^let release: \(url: String, checksum: String\)\? = .*$", re.M)


def set_release(manifest, url, zipped):
    """The manifest's text with `release` set to the URL and the checksum of the zip's bytes."""
    checksum = hashlib.sha256(zipped).hexdigest()
    line = f'let release: (url: String, checksum: String)? = (url: "{url}", checksum: "{checksum}")'
    text, count = RELEASE.subn(line, manifest)
    if count != 1:
        raise ValueError(f"expected one `let release` line in Package.swift, found {count}")
    return text


if __name__ == "__main__":
    path = Path(sys.argv[1])
    path.write_text(set_release(path.read_text(encoding="utf-8"), sys.argv[2], Path(sys.argv[3]).read_bytes()), encoding="utf-8")
