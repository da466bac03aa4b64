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
aotsize=
while IFS= read -r line || [ -n "$line" ]; do
    line=${line%"$cr"}
    case $line in
        java-options=*) value=${line#java-options=} ;;
        app.classpath=*) value=${line#app.classpath=} ;;
        app.mainclass=*) mainclass=${line#app.mainclass=}; continue ;;
        aot.packed=*) value=${line#aot.packed=} ;;
        aot.name=*) aotname=${line#aot.name=}; continue ;;
        aot.size=*) aotsize=${line#aot.size=}; continue ;;
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
# Whether the file holds the whole cache, as many bytes as the build wrote: one cut short (a start
# killed while unpacking, a full disk, a power loss before it reached the disk) is unpacked again,
# never mapped (the JVM can crash on a cache whose end is missing).
whole() {
    [ -f "$1" ] || return 1
    [ -z "$aotsize" ] && return 0
    [ "$(($(wc -c < "$1")))" = "$aotsize" ]
}
# Unpacks the cache, to a file of this machine and process first (two first starts, here or on
# another machine sharing the home, never write one file, and none maps a half-written one), then
# clears what other builds left: their caches once a week old (two builds in use keep theirs), and
# any half-unpacked file a killed start left.
unpack() {
    mkdir -p "$cachedir" || return 0
    case $packed in
        *.xz) unpacker=xz ;;
        *) unpacker=gzip ;;
    esac
    part="$aot.$(uname -n).$$.part"
    if "$unpacker" -dc "$packed" > "$part" && whole "$part" && mv -f "$part" "$aot"; then
        find "$cachedir" -maxdepth 1 -name 'threadline-*' ! -name "$aotname" \
            \( -name '*.part' -mmin +10 -o -name '*.aot' -mtime +7 \) -exec rm -f {} +
    else
        rm -f "$part"
    fi
}
cachedir=
case ${XDG_CACHE_HOME:-} in
    /*) cachedir="$XDG_CACHE_HOME/threadline" ;;
    *) [ -n "${HOME:-}" ] && cachedir="$HOME/.cache/threadline" ;;
esac
aot="$cachedir/$aotname"
case $aot in
    # the JVM takes no cache path with a colon in it: it would refuse to start at all
    *:*) cachedir= ;;
esac
# Nothing is said if the cache cannot be had: the window then opens without its head start.
if [ -n "$packed" ] && [ -n "$aotname" ] && [ -n "$cachedir" ] && [ -r "$packed" ]; then
    whole "$aot" 2>/dev/null || { unpack; } 2>/dev/null
    whole "$aot" 2>/dev/null && set -- "$@" "-XX:AOTCache=$aot"
fi
set -- "$@" -cp "$classpath" "$mainclass"
# the given arguments come first in "$@": move them behind Java's
while [ "$given" -gt 0 ]; do
    set -- "$@" "$1"
    shift
    given=$((given - 1))
done
exec "$root/lib/runtime/bin/java" "$@"
