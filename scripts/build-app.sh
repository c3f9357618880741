#!/usr/bin/env bash
# Builds the resident app in release into dist/: one bundle per `src/bin/<name>.rs` (see
# contract/src/bundle.rs for which paths each serves), each started by its own page —
# index.html for the home bundle, <name>.html for the others — then writes .br and .gz beside
# each text and wasm file so the server sends them pre-compressed.
# Stylesheets: every page links style/main.css (base), the shared components' sheets joined into
# one (src/shared/ui/*/*.css) and its own journey's style/<bundle>.css; the 我的 page links every
# journey's sheet (it shows each journey's section); the staff page links style/staff.css and the
# charity journey's sheet (the charity editor's pages show its ledger table and badge).
# BAOAN_GALLERY=1 (the test command) also builds gallery.html: the component gallery
# (src/bin/gallery.rs), never part of a production build (its binary is not even linked then).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/tools.sh"
cd "$ROOT"
BUNDLES=(home assistance marriage charity memorial mine staff)
JOURNEYS="assistance marriage charity memorial"
if [ "${BAOAN_GALLERY:-0}" = 1 ]; then BUNDLES+=(gallery); fi
OUT="$ROOT/target/bundles"
rm -rf "$OUT" && mkdir -p "$OUT"

# The components' stylesheets, joined in name order into one file (plain CSS, no build tool).
UI_CSS="target/ui.css"
cat "$ROOT"/src/shared/ui/*/*.css >"$ROOT/$UI_CSS"

# All bundles in one cargo run: the library is compiled once and cargo links (LTO) the
# binaries side by side on every core. trunk's own cargo call then finds them up to date.
# The binaries are named, not `--bins`: the gallery is built only when asked for.
cargo build --release --target wasm32-unknown-unknown "${BUNDLES[@]/#/--bin=}"

# Each bundle's page is index.html naming its binary; trunk resolves the page's relative
# links from its folder, so the generated pages sit beside index.html while they are built.
build_bundle() {
  local name="$1" page="$1.html"
  [ "$name" = home ] && page=index.html
  local source="$ROOT/.bundle-$name.html"
  local sheets=("$UI_CSS") journey
  case "$name" in
    home) ;;
    mine) for journey in $JOURNEYS; do sheets+=("style/$journey.css"); done; sheets+=(style/mine.css) ;;
    staff) sheets+=(style/charity.css style/staff.css) ;;  # the charity editor's ledger and badge
    *) sheets+=("style/$name.css") ;;
  esac
  local links="" sheet
  for sheet in "${sheets[@]}"; do links+="    <link data-trunk rel=\"css\" href=\"$sheet\" />\n"; done
  sed -e "s/data-bin=\"home\"/data-bin=\"$name\"/" \
    -e "s#^\( *\)<link data-trunk rel=\"css\" href=\"style/main.css\" />#&\n${links%\\n}#" "$ROOT/index.html" >"$source"
  trunk build --release --offline --dist "$OUT/$name" --html-output "$page" "$source" >"$OUT/$name.log" 2>&1 \
    || { cat "$OUT/$name.log"; rm -f "$source"; return 1; }
  rm -f "$source"
}
export -f build_bundle
export ROOT OUT UI_CSS
export JOURNEYS="${JOURNEYS[*]}"
# Two at a time: wasm-bindgen and wasm-opt are single-threaded.
printf '%s\n' "${BUNDLES[@]}" | xargs -P 2 -I{} bash -c 'build_bundle {}'

rm -rf "$ROOT/dist" && mkdir -p "$ROOT/dist"
for name in "${BUNDLES[@]}"; do cp -r "$OUT/$name/." "$ROOT/dist/"; done
node "$ROOT/scripts/precompress.mjs" "$ROOT/dist"
