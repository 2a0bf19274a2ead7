#!/usr/bin/perl
# BRIDGE-MIB (RFC 4188) for snmpd's pass_persist, from a Linux bridge.
#
# netcensus lab: the switch role's snmpd runs this in the switch namespace.
# It answers dot1dBase (bridge address, number of ports, type), the port
# table (dot1dBasePort -> ifIndex) and the forwarding table dot1dTpFdbTable
# (address, port, status: learned 3, self 4 for a port's own permanent
# entry, mgmt 5 for a static one) from `bridge fdb show br BRIDGE` and
# ip link, read again at most once a second. Perl, core only: it starts in a
# blink even on a loaded machine. Usage: bridge-mib.pl BRIDGE
use strict;
use warnings;

$| = 1;
my $br   = shift // 'br0';
my $base = '1.3.6.1.2.1.17';
my (%mib, @order, $at);

sub cmpoid {
	my @a = split /\./, $_[0];
	my @b = split /\./, $_[1];
	for (my $i = 0; $i < @a && $i < @b; $i++) {
		return $a[$i] <=> $b[$i] if $a[$i] != $b[$i];
	}
	return @a <=> @b;
}

sub load {
	%mib = ();
	# From netlink (ip), not sysfs: snmpd runs under nsenter --net, which
	# leaves /sys showing the root namespace's interfaces.
	my %ports;
	if (open(my $l, '-|', 'ip', '-o', '-d', 'link', 'show', 'master', $br)) {
		while (my $line = <$l>) {
			my ($ix, $n) = $line =~ /^(\d+):\s+([^:@\s]+)/;
			my ($no) = $line =~ /\bport_no (0x[0-9a-f]+)/i;
			$ports{$n} = [hex($no), $ix] if defined $ix && defined $no;
		}
		close $l;
	}
	my $addr = '';
	if (open(my $l, '-|', 'ip', '-o', 'link', 'show', 'dev', $br)) {
		($addr) = (<$l> // '') =~ m{link/ether (\S+)};
		close $l;
	}
	($addr //= '') =~ s/:/ /g;
	$mib{"$base.1.1.0"} = ['octet',   $addr];
	$mib{"$base.1.2.0"} = ['integer', scalar keys %ports];
	$mib{"$base.1.3.0"} = ['integer', 2];    # transparent-only
	for my $n (keys %ports) {
		my ($no, $ix) = @{ $ports{$n} };
		$mib{"$base.1.4.1.1.$no"} = ['integer', $no];
		$mib{"$base.1.4.1.2.$no"} = ['integer', $ix];
	}
	my %seen;
	if (open(my $f, '-|', 'bridge', 'fdb', 'show', 'br', $br)) {
		while (my $l = <$f>) {
			my ($m) = $l =~ /^((?:[0-9a-f]{2}:){5}[0-9a-f]{2})\s/i;
			my ($dev) = $l =~ /\bdev (\S+)/;
			next unless defined $m && defined $dev && $ports{$dev};
			next if hex(substr($m, 0, 2)) & 1 || $seen{ lc $m }++;
			my $st  = $l =~ /\bpermanent\b/ ? 4 : $l =~ /\bstatic\b/ ? 5 : 3;
			my $idx = join '.', map { hex } split /:/, $m;
			(my $hx = $m) =~ s/:/ /g;
			$mib{"$base.4.3.1.1.$idx"} = ['octet',   $hx];
			$mib{"$base.4.3.1.2.$idx"} = ['integer', $ports{$dev}[0]];
			$mib{"$base.4.3.1.3.$idx"} = ['integer', $st];
		}
		close $f;
	}
	@order = sort { cmpoid($a, $b) } keys %mib;
}

while (defined(my $cmd = <STDIN>)) {
	chomp $cmd;
	if ($cmd eq 'PING') { print "PONG\n"; next }
	if ($cmd eq 'set') { <STDIN>; print "not-writable\n"; next }
	next unless $cmd eq 'get' || $cmd eq 'getnext';
	my $oid = <STDIN>;
	last unless defined $oid;
	chomp $oid;
	$oid =~ s/^\.//;
	if (!defined $at || time - $at >= 1) { load(); $at = time; }
	my $found;
	if ($cmd eq 'get') {
		$found = $oid if exists $mib{$oid};
	} else {
		for my $o (@order) {
			if (cmpoid($o, $oid) > 0) { $found = $o; last }
		}
	}
	if (!defined $found) { print "NONE\n"; next }
	print ".$found\n$mib{$found}[0]\n$mib{$found}[1]\n";
}
