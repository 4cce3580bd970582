#!/usr/bin/env bash
# No dock knows another dock (issue #14, "one selection"): a dock's header and source in
# ui/windows/ neither include another dock's header nor declare another dock's class. Docks
# talk through Session. Fails listing the places.
set -u
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
status=0
for file in "$root"/ui/windows/*Dock.h "$root"/ui/windows/*Dock.cpp; do
    self="$(basename "${file%.*}")"
    # #include "…/OtherDock.h" or a forward declaration `class OtherDock;`
    while IFS= read -r hit; do
        other="$(sed -E 's/.*[\/"]([A-Za-z]+Dock)\.h".*/\1/; s/.*class ([A-Za-z]+Dock);.*/\1/' <<<"${hit#*:}")"
        if [ "$other" != "$self" ]; then
            echo "${file#"$root"/}:${hit%%:*}: $self knows $other"
            status=1
        fi
    done < <(grep -nE '^#include ".*Dock\.h"|^class [A-Za-z]+Dock;' "$file")
done
[ $status -eq 0 ] && echo "no dock includes or declares another dock"
exit $status
