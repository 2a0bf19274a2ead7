package snmprec

import "github.com/netcensus/netcensus/snmpwalk"

// The walk types are the snmpwalk package's.
type (
	Type   = snmpwalk.Type
	Value  = snmpwalk.Value
	Record = snmpwalk.Record
	Walk   = snmpwalk.Walk
)

// The SNMP value types an snmprec file can carry.
const (
	TypeInteger        = snmpwalk.TypeInteger
	TypeOctetString    = snmpwalk.TypeOctetString
	TypeNull           = snmpwalk.TypeNull
	TypeOID            = snmpwalk.TypeOID
	TypeIPAddress      = snmpwalk.TypeIPAddress
	TypeCounter32      = snmpwalk.TypeCounter32
	TypeGauge32        = snmpwalk.TypeGauge32
	TypeTimeTicks      = snmpwalk.TypeTimeTicks
	TypeOpaque         = snmpwalk.TypeOpaque
	TypeCounter64      = snmpwalk.TypeCounter64
	TypeNoSuchObject   = snmpwalk.TypeNoSuchObject
	TypeNoSuchInstance = snmpwalk.TypeNoSuchInstance
	TypeEndOfMibView   = snmpwalk.TypeEndOfMibView
)

// NewWalk is snmpwalk.NewWalk.
func NewWalk(recs []Record) *Walk { return snmpwalk.NewWalk(recs) }

// CompareOID is snmpwalk.CompareOID.
func CompareOID(a, b string) int { return snmpwalk.CompareOID(a, b) }
