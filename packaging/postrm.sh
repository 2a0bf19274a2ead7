#!/bin/sh
# netcensus post-remove. "remove" keeps the CMDB and the user; "purge"
# (dpkg --purge; rpm has no purge, its erase is a remove) deletes
# /var/lib/netcensus, /etc/netcensus and the netcensus user and group.
set -e
case "$1" in
purge)
	rm -rf /var/lib/netcensus /etc/netcensus
	if getent passwd netcensus >/dev/null 2>&1; then
		userdel netcensus >/dev/null 2>&1 || true
	fi
	if getent group netcensus >/dev/null 2>&1; then
		groupdel netcensus >/dev/null 2>&1 || true
	fi
	;;
esac
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
	systemctl daemon-reload >/dev/null 2>&1 || true
fi
exit 0
