#!/bin/sh
# netcensus pre-remove: stop the service before its binary goes.
set -e
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
	systemctl stop netcensus.service >/dev/null 2>&1 || true
	systemctl disable netcensus.service >/dev/null 2>&1 || true
fi
exit 0
