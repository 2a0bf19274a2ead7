package fingerprints

import (
	"testing"
)

// leadsUFixtureDir holds small walks written from the vendor MIBs for the
// leads earlier reviews left open: detection paths and value forms the
// device-support definitions give that our profiles did not.
const leadsUFixtureDir = "testdata/fixtures/leads-u"

// leadsUCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var leadsUCases = map[string]want{
	// A Zyxel firewall on the ES-COMMON arc (890.1.15) with a sysDescr no
	// exception names: the definition zywall detects it (890.1.6 and
	// 890.1.15) and reads sysSwVersionString whole, cut at 'ITS' only.
	"zyxel-es-common-usg": {"zyxel", "Zyxel", "USG FLEX 500", "S222L46654321", "", "V5.38(ABUJ.0) | 2024-01-10 14:03:12", "firewall"},
	// A Zyxel switch on the same arc whose sysDescr starts with GS: the
	// definition zynos (any of 890 with such a sysDescr) is tried before
	// zywall, and the shared Zyxel code keeps the release before ' | '.
	"zyxel-es-common-gs-zynos": {"zyxel", "Zyxel", "GS1920-24HPv2", "S202L21012345", "", "V4.80(ABMH.0)", "switch"},
	// An OW-SERVER whose firmware object carries a leading V: kept, as
	// the definition (eds) reads eFirmwareVersion.0 whole.
	"eds-owserver-v-firmware": {"eds-owserver", "Embedded Data Systems", "OW-SERVER-ENET-2", "", "", "V1.42", "sensor"},
	// An ICT distribution panel the same: the definition (ict-pdu) reads
	// ICT-PDU-MIB deviceFirmware.0 whole.
	"ict-pdu-v-firmware": {"ict-power", "ICT", "ICT200DB-12IRC", "", "", "V2.06", "pdu"},
	// A FibroLAN Falcon whose LLDP system description is a release with
	// a leading V: kept, as the definition (fibrolan-falcon) reads
	// lldpLocSysDesc.0 whole.
	"fibrolan-falcon-v-release": {"fibrolan-falcon", "FibroLAN", "", "", "Falcon OS", "V2.5.1", "switch"},
	// An Infinera XTM node the same: the definition (infinera-xtm) reads
	// LUM-SYSTEM-MIB sysNodeVersion.0 whole.
	"infinera-xtm-v-release": {"infinera-xtm", "Infinera", "TM-301/II", "", "XTM", "V30.1.2", "switch"},
	// A cnMatrix switch whose software revision carries a V: kept, as the
	// definition (cnmatrix) reads lldpXMedLocSoftwareRev.0 whole.
	"cambium-cnmatrix-v-release": {"cambium-cnmatrix", "Cambium Networks", "EX2052-P", "M8FC03C1B7D2", "cnMatrix", "V5.0.1-r4", "switch"},
	// An Eaton PDU-MIB agent the same: the definition (eatonpdu) reads
	// firmwareVersion.0 whole.
	"eaton-pdu-mib-v-firmware": {"eaton-pdu-mib", "Eaton", "", "ADF0954321", "", "V01.02.05", "pdu"},
	// A PCoIP zero client the same: the definition (teradici-pcoip) reads
	// the devices table's firmware version (25071.1.2.6.1.1.9.1) whole.
	"teradici-pcoip-v-firmware": {"teradici-pcoip", "Teradici", "TERA2140", "1914CA000456", "PCoIP", "v20.10.2", "workstation"},
	// A Horizon Compact whose agent quotes its strings and prints the
	// release with a V: the quotes go, the V stays, as the definition
	// (horizon-compact) reads hzOduSystemOmniVersionNo.0 whole.
	"dragonwave-horizon-compact-v-release": {"dragonwave-horizon-compact", "DragonWave", "A-HC-23-501-1", "111213004612", "", "V1.04.02", "wireless"},
	// A Teldat router whose sysDescr names its serial after 'S/N:': that,
	// the only serial the definition (teldat) reads, before
	// telAdminStatusSystemNumSerie; the application version whole.
	"teldat-sysdescr-serial": {"teldat", "Teldat", "h1plus", "792/00417", "", "V11.02.01.00.14", "router"},
	// A Ricoh printer whose firmware object carries a V: kept, as the
	// definition (ricoh) reads 367.3.2.1.1.1.2.0 whole (before, the V
	// was stripped).
	"ricoh-firmware-v": {"ricoh-printer", "Ricoh", "SP C360DNw", "Y879P200123", "", "V1.06", "printer"},
	// A Tait TN Admin node whose service version carries a V: kept, as
	// the definition (tait-tnadmin) reads tnAdminTaitServiceVersion.1443
	// whole; the hardware its sysDescr pattern takes.
	"tait-tnadmin-v-release": {"tait-tnadmin", "Tait Communications", "TN9300", "", "TN Admin", "V3.40.02.01", "appliance"},
	// A Volius receiver the same: the definition (volius) reads
	// vlsFirmwareVersion.0 whole.
	"volius-v-firmware": {"volius", "Volius", "VOR-2R-1550", "VL2104233", "", "V2.5.0", "appliance"},
	// A GE Pulsar controller whose ne843Ps1Verw carries a V: kept, as
	// Gepulsar.php sets the version from its get-next of that column.
	"ge-pulsar-verw-v": {"ge-pulsar", "GE", "QS873A", "09AZ24019901", "", "V4.12.1", "power"},
	// A D-Link switch answering RMON2-MIB's probe objects: the hardware
	// the sysDescr names with ' Rev. ' and probeHardwareRev, as Dlink.php
	// extends it, and probeSoftwareRev whole, as dlink.yaml reads it.
	"dlink-probe-hardware-rev": {"dlink", "D-Link", "DGS-3120-24TC Rev. A1", "R3CV1A7000321", "", "Build 4.10.023", "switch"},
	// A JetStream switch (11863.5, the definition jetstream's) answering
	// both ENTITY-MIB and TPLINK-SYSINFO-MIB: the system info objects the
	// definition reads, whole, before the ENTITY row.
	"tplink-jetstream-sysinfo-over-entity": {"tplink", "TP-Link", "T2600G-28TS 4.0", "2219012009876", "", "4.0.1 Build 20210514 Rel.61234(s)", "switch"},
	// A TP-Link smart switch on 16972 whose sysDescr has TP-Link's
	// 'Build <date> Rel' firmware form, as the definition tplink detects
	// it: RMON2-MIB's probe objects whole (before, no TP-Link profile).
	"tplink-16972-build-rel": {"tplink", "TP-Link", "TL-SG2210P 3.0", "", "", "3.0.0 Build 20170613 Rel.49820(s)", "switch"},
}

func TestLeadsUFixtures(t *testing.T) {
	checkFixtures(t, leadsUFixtureDir, leadsUCases)
}
