#!/usr/bin/env bash
# Installs what Frameplot needs from Debian/Ubuntu, and only what is missing:
#   libcairo2-dev libpango1.0-dev libpng-dev libdeflate-dev pkg-config  (drawing, PNG encoding)
#   fonts-noto-cjk   (Japanese and Latin text in one consistent design)
#   ffmpeg           (MP4/GIF animations)
#   poppler-utils librsvg2-bin  (tests only: PDF pages and SVG frames are compared with PNG frames)
# Safe to run twice: when everything is present it changes nothing.
# Swift itself is not installed here (see the README).
set -euo pipefail

packages=(libcairo2-dev libpango1.0-dev libpng-dev libdeflate-dev pkg-config fonts-noto-cjk ffmpeg poppler-utils librsvg2-bin)

missing=()
for package in "${packages[@]}"; do
    if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        echo "setup: $package is already installed"
    else
        missing+=("$package")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    echo "setup: nothing to install"
else
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "setup: apt-get not found; please install: ${missing[*]}" >&2
        exit 1
    fi
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "setup: not root and sudo is missing; as root run: apt-get install ${missing[*]}" >&2
            exit 1
        fi
    fi
    echo "setup: updating the package lists (apt-get update)"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    echo "setup: installing ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

if [[ " ${missing[*]:-} " == *" fonts-noto-cjk "* ]] && command -v fc-cache >/dev/null 2>&1; then
    echo "setup: refreshing the font cache (fc-cache)"
    fc-cache -f >/dev/null
fi

# Check what the build and the renderer will look for.
for module in cairo pangocairo libpng libdeflate; do
    if ! pkg-config --exists "$module"; then
        echo "setup: pkg-config cannot find $module after installation" >&2
        exit 1
    fi
done
if command -v fc-list >/dev/null 2>&1 && ! fc-list : family | grep "Noto Sans CJK JP" >/dev/null; then
    echo "setup: warning: the font 'Noto Sans CJK JP' is not visible to fontconfig; Japanese may render as boxes" >&2
fi
echo "setup: done (cairo $(pkg-config --modversion cairo), pango $(pkg-config --modversion pangocairo), libpng $(pkg-config --modversion libpng))"
