#!/usr/bin/env bash
# release.sh: builds netcensus for linux/amd64 and linux/arm64, a .deb and an
# .rpm of each (nfpm, run from the Go module proxy at a pinned version: no
# other download), a tarball of each, and SHA256SUMS over all of them.
#
#   bash packaging/release.sh [--arch amd64|arm64]... [--formats deb,rpm,tar] [--out DIR]
#
# Defaults: both architectures, every format, dist/. The version is
# `git describe` (v0.0.0-<commit> when there is no tag); the binary's
# `netcensus version` prints it with the commit and build date.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=$PATH:/usr/local/go/bin

NFPM=github.com/goreleaser/nfpm/v2/cmd/nfpm@v2.48.0
archs=()
formats=deb,rpm,tar
out=dist
while (($#)); do
	case $1 in
	--arch) archs+=("${2:?--arch needs amd64 or arm64}"); shift 2 ;;
	--formats) formats=${2:?--formats needs a list}; shift 2 ;;
	--out) out=${2:?--out needs a folder}; shift 2 ;;
	-h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "release: unknown argument $1" >&2; exit 2 ;;
	esac
done
((${#archs[@]})) || archs=(amd64 arm64)
for a in "${archs[@]}"; do
	[[ $a == amd64 || $a == arm64 ]] || { echo "release: arch $a: want amd64 or arm64" >&2; exit 2; }
done

commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
tag=$(git describe --tags --exact-match 2>/dev/null || true)
if [[ -n $tag ]]; then
	version=${tag#v}
else
	version=0.0.0~git$(date -u +%Y%m%d)+$commit
fi
date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
mkdir -p "$out"
rm -f "$out"/SHA256SUMS

ldflags="-s -w -X main.version=$version -X main.commit=$commit -X main.buildDate=$date"
for arch in "${archs[@]}"; do
	bin=$out/netcensus-linux-$arch
	echo "release: building $bin ($version)"
	CGO_ENABLED=0 GOOS=linux GOARCH=$arch go build -trimpath -ldflags "$ldflags" -o "$bin" ./cmd/netcensus
	IFS=, read -ra fs <<<"$formats"
	for f in "${fs[@]}"; do
		case $f in
		deb | rpm)
			echo "release: packaging $f for $arch"
			cfg=$(mktemp --suffix=.yaml)
			sed "s|@BIN@|$bin|" packaging/nfpm.yaml >"$cfg"
			ARCH=$arch VERSION=$version go run "$NFPM" package \
				--config "$cfg" --packager "$f" --target "$out/" >/dev/null
			rm -f "$cfg"
			;;
		tar)
			d=$(mktemp -d)
			name=netcensus-$version-linux-$arch
			mkdir -p "$d/$name"
			cp "$bin" "$d/$name/netcensus"
			cp README.md configs/netcensus.example.yaml packaging/netcensus.service "$d/$name/"
			tar -C "$d" -czf "$out/$name.tar.gz" "$name"
			rm -rf "$d"
			;;
		*) echo "release: format $f: want deb, rpm or tar" >&2; exit 2 ;;
		esac
	done
done
(cd "$out" && shopt -s nullglob && files=(*.deb *.rpm *.tar.gz) && sha256sum -- "${files[@]}" >SHA256SUMS)
echo "release: $(ls "$out" | tr '\n' ' ')"
