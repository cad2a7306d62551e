#!/usr/bin/env bash
# Stands in for Falco's build in the example workflow and in CI: tiny but real artifacts of one version,
# named and labelled as Falco's build names them, so a run of the publisher validates them as it would
# Falco's own.
#
#   scripts/example-build.sh <version>      e.g. 0.26.0, 0.27.0-rc1, 0.0.0-12+abc1234
#
# Leaves in the docker daemon falco:build, falco-debian:build, falco-driver-loader:build and
# falco-driver-loader-buster:build (one file each, from scratch), and in build/release/
# falco-<version>-x86_64.deb (dpkg-deb), falco-<version>-x86_64.rpm (rpmbuild) and
# falco-<version>-x86_64.tar.gz. Needs docker, dpkg-deb and rpmbuild.
set -euo pipefail

if [ "$#" -ne 1 ] || ! [[ "$1" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.+~]+)?$ ]]; then
  echo "usage: $0 <version> (MAJOR.MINOR.PATCH[-PRERELEASE], e.g. 0.26.0 or 0.0.0-12+abc1234)" >&2
  exit 2
fi
version="$1"
# An rpm's file version is <Version>-<Release>, or <Version> alone when Release is 1.
rpm_version="${version%%-*}"
rpm_release=1
if [ "$rpm_version" != "$version" ]; then rpm_release="${version#*-}"; fi

out=build/release
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

falco_script="$(printf '#!/bin/sh\necho "falco %s (example build)"\n' "$version")"

# The .deb: Package, Version and Architecture as Falco's CPack writes them (x86_64 is amd64 for dpkg).
mkdir -p "$work/deb/DEBIAN" "$work/deb/usr/bin"
cat >"$work/deb/DEBIAN/control" <<EOF
Package: falco
Version: $version
Architecture: amd64
Maintainer: The Falco Authors <cncf-falco-dev@lists.cncf.io>
Section: utils
Priority: optional
Description: Falco runtime security (example build)
 A stand-in for Falco's package, built by scripts/example-build.sh.
EOF
printf '%s\n' "$falco_script" >"$work/deb/usr/bin/falco"
chmod 755 "$work/deb/usr/bin/falco"
dpkg-deb --root-owner-group -Zgzip --build "$work/deb" "$out/falco-$version-x86_64.deb"

# The .rpm: --target builds an x86_64 package on any host.
mkdir -p "$work/rpm/SPECS"
printf '%s\n' "$falco_script" >"$work/falco"
cat >"$work/rpm/SPECS/falco.spec" <<EOF
Name: falco
Version: $rpm_version
Release: $rpm_release
Summary: Falco runtime security (example build)
License: Apache-2.0
URL: https://falco.org

%description
A stand-in for Falco's package, built by scripts/example-build.sh.

%install
mkdir -p %{buildroot}/usr/bin
install -m 755 $work/falco %{buildroot}/usr/bin/falco

%files
/usr/bin/falco
EOF
rpmbuild --quiet \
  --define "_topdir $work/rpm" \
  --define 'debug_package %{nil}' \
  --define '_build_id_links none' \
  --target x86_64 -bb "$work/rpm/SPECS/falco.spec"
built=("$work"/rpm/RPMS/x86_64/falco-*.rpm)
if [ "${#built[@]}" -ne 1 ] || [ ! -f "${built[0]}" ]; then
  echo "rpmbuild made ${#built[@]} packages: ${built[*]}" >&2
  exit 1
fi
cp "${built[0]}" "$out/falco-$version-x86_64.rpm"

# The tarball: Falco's binary release unpacks into falco-<version>-x86_64/.
mkdir -p "$work/tar/falco-$version-x86_64/usr/bin"
cp "$work/deb/usr/bin/falco" "$work/tar/falco-$version-x86_64/usr/bin/falco"
tar -C "$work/tar" -czf "$out/falco-$version-x86_64.tar.gz" "falco-$version-x86_64"

# The images: from scratch (no RUN step, so any daemon builds them), one file and a label each, so every
# image is distinct.
for image in falco falco-debian falco-driver-loader falco-driver-loader-buster; do
  mkdir -p "$work/images/$image"
  printf '%s %s\n' "$image" "$version" >"$work/images/$image/version"
  printf 'FROM scratch\nCOPY version /version\n' >"$work/images/$image/Dockerfile"
  docker build --quiet --tag "$image:build" \
    --label "org.opencontainers.image.title=$image" --label "org.opencontainers.image.version=$version" \
    "$work/images/$image"
done

ls -l "$out"
