#!/usr/bin/env python3
"""Writes the switch walks of this folder (netcensus's own, made up).

A small campus: acc-sw-1, a Cisco-style access switch with per-VLAN
BRIDGE-MIB contexts (community acc-sw-1@VLAN), VTP VLANs, CDP towards the
core and a phone; edge-sw-2, a Q-BRIDGE switch whose LLDP uplink goes to
acc-sw-1. Run it from this folder: python3 gen.py
"""

def mac(last, base="00:00:5e:00:53"):
    return "%s:%02x" % (base, last)

def arcs(m):
    return ".".join(str(int(x, 16)) for x in m.split(":"))

def hexs(m):
    return m.replace(":", "")

class W:
    def __init__(self):
        self.rows = []
    def add(self, oid, typ, val):
        self.rows.append((tuple(int(x) for x in oid.split(".")), oid, typ, val))
    def write(self, name):
        with open(name + ".snmprec", "w") as f:
            for _, oid, typ, val in sorted(self.rows):
                f.write("%s|%s|%s\n" % (oid, typ, val))

SYS = "1.3.6.1.2.1.1"
IF = "1.3.6.1.2.1.2.2.1"
IFX = "1.3.6.1.2.1.31.1.1.1"
BASE_PORT_IF = "1.3.6.1.2.1.17.1.4.1.2"
FDB = "1.3.6.1.2.1.17.4.3.1"
QFDB = "1.3.6.1.2.1.17.7.1.2.2.1"
VTP = "1.3.6.1.4.1.9.9.46.1.3.1.1"
CDP = "1.3.6.1.4.1.9.9.23.1.2.1.1"
LLDP_LOC = "1.0.8802.1.1.2.1.3.7.1"
LLDP_REM = "1.0.8802.1.1.2.1.4.1.1"

def system(w, descr, oid, name, ports):
    w.add(SYS + ".1.0", "4", descr)
    w.add(SYS + ".2.0", "6", oid)
    w.add(SYS + ".3.0", "67", "123456700")
    w.add(SYS + ".4.0", "4", "noc@example.net")
    w.add(SYS + ".5.0", "4", name)
    w.add(SYS + ".6.0", "4", "Building A, wiring closet 1")
    w.add(SYS + ".7.0", "2", "6")
    w.add("1.3.6.1.2.1.17.1.2.0", "2", str(ports))

def iface(w, idx, name, mac_, speed=1000, up=True, alias=""):
    w.add(IF + ".1.%d" % idx, "2", str(idx))
    w.add(IF + ".2.%d" % idx, "4", name)
    w.add(IF + ".3.%d" % idx, "2", "6")
    w.add(IF + ".5.%d" % idx, "66", str(min(speed * 1000000, 4294967295)))
    w.add(IF + ".6.%d" % idx, "4x", hexs(mac_))
    w.add(IF + ".7.%d" % idx, "2", "1")
    w.add(IF + ".8.%d" % idx, "2", "1" if up else "2")
    w.add(IFX + ".1.%d" % idx, "4", name)
    w.add(IFX + ".15.%d" % idx, "66", str(speed))
    w.add(IFX + ".18.%d" % idx, "4", alias)

# --- acc-sw-1: Cisco-style, per-VLAN contexts ---------------------------
acc_mac = "00:00:5e:00:53:f1"
acc = W()
system(acc, "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E4, RELEASE SOFTWARE (fc2)",
       "1.3.6.1.4.1.9.1.1208", "acc-sw-1", 10)
ports = {p: 10100 + p for p in (1, 2, 3, 4, 5, 6, 7, 8, 49, 50)}
for p, ix in ports.items():
    iface(acc, ix, "Gi1/0/%d" % p, "00:00:5e:00:54:%02x" % p,
          alias={49: "uplink core-sw-1", 50: "edge-sw-2"}.get(p, ""), up=p != 7)
iface(acc, 1, "Vl1", acc_mac)
acc.add("1.3.6.1.2.1.4.20.1.2.192.0.2.11", "2", "1")
for v, typ in ((1, 1), (10, 1), (20, 1), (30, 1), (1002, 2), (1003, 3), (1004, 4), (1005, 5)):
    acc.add(VTP + ".2.1.%d" % v, "2", "1")
    acc.add(VTP + ".3.1.%d" % v, "2", str(typ))
# CDP: the core on Gi1/0/49 (router, switch, IGMP), a phone on Gi1/0/3
# (host, phone, two-port MAC relay).
for ix, dev, port, plat, caps in ((10149, "core-sw-1.example.net", "TenGigabitEthernet1/1/4", "cisco WS-C4500X-32", 0x29),
                                  (10103, "SEP00005E005313", "Port 1", "Cisco IP Phone 8841", 0x490)):
    acc.add(CDP + ".3.%d.1" % ix, "2", "1")
    acc.add(CDP + ".4.%d.1" % ix, "4x", "c0000201")
    acc.add(CDP + ".6.%d.1" % ix, "4", dev)
    acc.add(CDP + ".7.%d.1" % ix, "4", port)
    acc.add(CDP + ".8.%d.1" % ix, "4", plat)
    acc.add(CDP + ".9.%d.1" % ix, "4x", "%08x" % caps)
# VLAN membership and the MACs learnt per VLAN: (vlan) -> [(port, mac)]
core_macs = [mac(0x60 + i) for i in range(4)]
gateway = "00:00:5e:00:01:0a"
edge_macs = [mac(0x21), mac(0x22), mac(0x23)]
hub_macs = [mac(0x40 + i) for i in range(14)]
learnt = {
    1: [(6, mac(0x06)), (49, gateway), (49, core_macs[0]), (50, "00:00:5e:00:53:f2")],
    10: [(1, mac(0x01)), (2, mac(0x02)), (3, mac(0x03)), (49, core_macs[1]), (49, core_macs[2]),
         (50, edge_macs[0]), (50, edge_macs[1])] + [(8, m) for m in hub_macs],
    20: [(3, mac(0x13)), (49, core_macs[3])],
    30: [(5, mac(0x05)), (50, edge_macs[2])],
}
members = {1: [6, 49, 50], 10: [1, 2, 3, 8, 49, 50], 20: [3, 49], 30: [5, 49, 50]}
# The default context is VLAN 1's bridge, plus the switch's own MAC (self).
for v in sorted(learnt):
    ctx = W()
    for p in members[v]:
        ctx.add(BASE_PORT_IF + ".%d" % p, "2", str(ports[p]))
    for p, m in learnt[v]:
        ctx.add(FDB + ".1." + arcs(m), "4x", hexs(m))
        ctx.add(FDB + ".2." + arcs(m), "2", str(p))
        ctx.add(FDB + ".3." + arcs(m), "2", "3")
    ctx.write("acc-sw-1@%d" % v)
    if v == 1:
        for p in members[v]:
            acc.add(BASE_PORT_IF + ".%d" % p, "2", str(ports[p]))
        for p, m in learnt[v]:
            acc.add(FDB + ".1." + arcs(m), "4x", hexs(m))
            acc.add(FDB + ".2." + arcs(m), "2", str(p))
            acc.add(FDB + ".3." + arcs(m), "2", "3")
        acc.add(FDB + ".1." + arcs(acc_mac), "4x", hexs(acc_mac))
        acc.add(FDB + ".2." + arcs(acc_mac), "2", "0")
        acc.add(FDB + ".3." + arcs(acc_mac), "2", "4")
acc.write("acc-sw-1")

# --- edge-sw-2: Q-BRIDGE, LLDP uplink to acc-sw-1 -----------------------
edge = W()
system(edge, "HP J9774A 2530-8G-PoEP Switch, revision YA.16.11.0002, ROM YA.15.20",
       "1.3.6.1.4.1.11.2.3.7.11.181", "edge-sw-2", 8)
for p in range(1, 9):
    iface(edge, p, str(p), "00:00:5e:00:55:%02x" % p, alias="uplink acc-sw-1" if p == 8 else "")
    edge.add(BASE_PORT_IF + ".%d" % p, "2", str(p))
iface(edge, 100, "DEFAULT_VLAN", "00:00:5e:00:53:f2")
edge.add("1.3.6.1.2.1.4.20.1.2.192.0.2.12", "2", "100")
# VLANs 1, 10, 30 with FDB IDs 1, 2, 3 (not the VLAN numbers).
for v, fid, name in ((1, 1, "DEFAULT_VLAN"), (10, 2, "staff"), (30, 3, "lab")):
    edge.add("1.3.6.1.2.1.17.7.1.4.2.1.3.0.%d" % v, "66", str(fid))
    edge.add("1.3.6.1.2.1.17.7.1.4.3.1.1.%d" % v, "4", name)
for fid, port, m in ((2, 2, edge_macs[0]), (2, 3, edge_macs[1]), (3, 4, edge_macs[2]),
                     (1, 8, "00:00:5e:00:53:f1"), (2, 8, mac(0x01)), (2, 8, mac(0x02)), (1, 8, gateway)):
    edge.add(QFDB + ".2.%d.%s" % (fid, arcs(m)), "2", str(port))
    edge.add(QFDB + ".3.%d.%s" % (fid, arcs(m)), "2", "3")
edge.add(QFDB + ".2.1." + arcs("00:00:5e:00:53:f2"), "2", "0")
edge.add(QFDB + ".3.1." + arcs("00:00:5e:00:53:f2"), "2", "4")
edge.add(LLDP_LOC + ".2.8", "2", "5")
edge.add(LLDP_LOC + ".3.8", "4", "8")
edge.add(LLDP_LOC + ".4.8", "4", "8")
edge.add(LLDP_REM + ".4.0.8.1", "2", "4")
edge.add(LLDP_REM + ".5.0.8.1", "4x", hexs(acc_mac))
edge.add(LLDP_REM + ".6.0.8.1", "2", "5")
edge.add(LLDP_REM + ".7.0.8.1", "4", "Gi1/0/50")
edge.add(LLDP_REM + ".9.0.8.1", "4", "acc-sw-1")
edge.add(LLDP_REM + ".12.0.8.1", "4x", "2800")
edge.write("edge-sw-2")
