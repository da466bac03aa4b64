#!/bin/sh
# Threadline's launcher on Linux: starts the bundled Java with the options, class path and main
# class of lib/app/threadline.cfg (the file jpackage's own launcher reads), then the arguments
# given. It replaces jpackage's native launcher, which asks rpm and dpkg which package owns it at
# every start (two `dpkg -S` runs, about a tenth of a second, before Java even starts).
# The image carries its AOT cache packed (xz or gzip: a sixth or a quarter of its size): the first
# start unpacks it into the user's cache folder, under a name of its own build, and every start
# after maps it from there.
self=$(readlink -f "$0") || exit 1
root=$(dirname "$(dirname "$self")")
app="$root/lib/app"
cfg="$app/threadline.cfg"
if [ ! -r "$cfg" ]; then
    echo "threadline: $cfg is missing; reinstall Threadline" >&2
    exit 1
fi
cr=$(printf '\r')
given=$#
classpath=
mainclass=
packed=
aotname=
while IFS= read -r line || [ -n "$line" ]; do
    line=${line%"$cr"}
    case $line in
        java-options=*) value=${line#java-options=} ;;
        app.classpath=*) value=${line#app.classpath=} ;;
        app.mainclass=*) mainclass=${line#app.mainclass=}; continue ;;
        aot.packed=*) value=${line#aot.packed=} ;;
        aot.name=*) aotname=${line#aot.name=}; continue ;;
        *) continue ;;
    esac
    # every $APPDIR in the value, left to right
    done_part=
    while :; do
        case $value in
            *'$APPDIR'*) done_part="$done_part${value%%\$APPDIR*}$app"; value=${value#*\$APPDIR} ;;
            *) break ;;
        esac
    done
    value="$done_part$value"
    [ -n "$value" ] || continue
    case $line in
        app.classpath=*) classpath="${classpath:+$classpath:}$value" ;;
        aot.packed=*) packed=$value ;;
        *) set -- "$@" "$value" ;;
    esac
done < "$cfg"
# Unpacks the cache once (to a file of this process first, so that a start beside it never maps a
# half-written one) and removes those of other builds; nothing is said if it cannot: the window
# then opens without the cache's head start.
unpack() {
    mkdir -p "$cachedir" 2>/dev/null || return 0
    case $packed in
        *.xz) unpacker=xz ;;
        *) unpacker=gzip ;;
    esac
    part="$aot.$$.part"
    if "$unpacker" -dc "$packed" > "$part" 2>/dev/null && mv -f "$part" "$aot" 2>/dev/null; then
        for old in "$cachedir"/threadline-*.aot; do
            [ "$old" = "$aot" ] || rm -f "$old"
        done
    else
        rm -f "$part"
    fi
}
if [ -n "$packed" ] && [ -n "$aotname" ] && [ -r "$packed" ]; then
    case ${XDG_CACHE_HOME:-} in
        /*) cachedir="$XDG_CACHE_HOME/threadline" ;;
        *) cachedir="${HOME:-/nonexistent}/.cache/threadline" ;;
    esac
    aot="$cachedir/$aotname"
    [ -f "$aot" ] || unpack
    [ -f "$aot" ] && set -- "$@" "-XX:AOTCache=$aot"
fi
set -- "$@" -cp "$classpath" "$mainclass"
# the given arguments come first in "$@": move them behind Java's
while [ "$given" -gt 0 ]; do
    set -- "$@" "$1"
    shift
    given=$((given - 1))
done
exec "$root/lib/runtime/bin/java" "$@"
