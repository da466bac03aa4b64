#!/bin/sh
# Threadline's launcher on Linux: starts the bundled Java with the options, class path and main
# class of lib/app/threadline.cfg (the file jpackage's own launcher reads), then the arguments
# given. It replaces jpackage's native launcher, which asks rpm and dpkg which package owns it at
# every start (two `dpkg -S` runs, about a tenth of a second, before Java even starts).
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
while IFS= read -r line || [ -n "$line" ]; do
    line=${line%"$cr"}
    case $line in
        java-options=*) value=${line#java-options=} ;;
        app.classpath=*) value=${line#app.classpath=} ;;
        app.mainclass=*) mainclass=${line#app.mainclass=}; continue ;;
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
        *) set -- "$@" "$value" ;;
    esac
done < "$cfg"
set -- "$@" -cp "$classpath" "$mainclass"
# the given arguments come first in "$@": move them behind Java's
while [ "$given" -gt 0 ]; do
    set -- "$@" "$1"
    shift
    given=$((given - 1))
done
exec "$root/lib/runtime/bin/java" "$@"
