#!/bin/sh
# netcensus post-install: the service user, its state directory, and the raw
# socket capability that ARP needs, so netcensus runs without root.
set -e

if ! getent group netcensus >/dev/null 2>&1; then
	groupadd --system netcensus
fi
if ! getent passwd netcensus >/dev/null 2>&1; then
	useradd --system --gid netcensus --home-dir /var/lib/netcensus \
		--no-create-home --shell /usr/sbin/nologin \
		--comment "netcensus network inventory" netcensus
fi

install -d -o netcensus -g netcensus -m 0750 /var/lib/netcensus
# A root sweep before the package was installed left its CMDB and spool
# here as root's: they are the service's now. (Once installed, root's CLI
# gives what it creates here to the netcensus user itself.)
chown -hR netcensus:netcensus /var/lib/netcensus
chgrp netcensus /etc/netcensus/config.yaml 2>/dev/null || true

if command -v setcap >/dev/null 2>&1; then
	setcap cap_net_raw+ep /usr/bin/netcensus || echo "netcensus: setcap failed; ARP sweeps need root" >&2
else
	echo "netcensus: setcap not found; ARP sweeps need root" >&2
fi

if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
	systemctl daemon-reload >/dev/null 2>&1 || true
fi
exit 0
