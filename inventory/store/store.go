// Package store is the CMDB's storage contract: one Store interface that
// the embedded SQLite backend (store/sqlite) and the ClickHouse backend
// implement, and that the contract suite in store/storetest checks.
//
// Every time a Store keeps is truncated to the second and returned in UTC
// (ClickHouse 18.16 has no DateTime64). Observations, events, software
// snapshots, capacity samples, interfaces and neighbors are append-only;
// assets, annotations and identity keys are current state. Identifiers are
// UUID strings made by the caller (NewUUID), so a batch written twice is
// recognisably the same rows.
package store

import (
	"cmp"
	"context"
	"crypto/rand"
	"crypto/sha1"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/record"
)

// Errors every backend returns (wrapped) so callers can tell them apart.
var (
	// ErrNotFound: no row with that ID.
	ErrNotFound = errors.New("not found")
	// ErrSchemaNewer: the store was written by a newer netcensus; nothing
	// was changed.
	ErrSchemaNewer = errors.New("store schema is newer than this netcensus")
	// ErrForeign: the file or database is not a netcensus store (or is
	// corrupt); nothing was changed.
	ErrForeign = errors.New("not a netcensus store")
	// ErrBusy: another process held the store's lock longer than the
	// store waits for it (SQLite's busy timeout); nothing was changed and
	// the same write may succeed when retried. Never ErrForeign.
	ErrBusy = errors.New("store busy")
	// ErrInvalid: a filter the store cannot apply (an unknown sort, a
	// cursor it did not give).
	ErrInvalid = errors.New("invalid filter")
)

// Asset lifecycle states.
const (
	StateNew      = "new"
	StateActive   = "active"
	StateMissing  = "missing"
	StateReturned = "returned"
	StateRetired  = "retired"
	// StateMerged: a person or a rule proved the asset the same device as
	// MergedInto; it is kept for history and listed no more.
	StateMerged = "merged"
)

// Event kinds.
const (
	// EventState: a lifecycle transition (Field "state").
	EventState = "state"
	// EventNewUnapproved: a new asset nobody has approved appeared.
	EventNewUnapproved = "new_unapproved"
	// EventChange: an attribute changed (Field names it).
	EventChange = "change"
	// EventApproved: a person approved the asset.
	EventApproved = "approved"
	// EventSet: a person set site, role, owner or tags (Field names it).
	EventSet = "set"
	// EventMerged: another asset was folded into this one (New is its ID).
	EventMerged = "merged"
	// EventSplit: a key was split off the asset (New is the key).
	EventSplit = "split"
	// EventCompliance: an asset went out of or back into compliance with a
	// baseline (written by drift).
	EventCompliance = "compliance"
	// EventMoved: the asset's switch port changed (Field "location"; Old
	// and New are the places, "switch port vlan N").
	EventMoved = "moved"
)

// Sweep is one run of the scanner.
type Sweep struct {
	ID      string
	Scanner string
	Start   time.Time
	End     time.Time // zero while running
	// Partial: cancelled or incomplete; it marked nothing missing.
	Partial bool
	// Segments hold the addresses the sweep actually asked (exclusions
	// left out), as the fewest prefixes that hold exactly them.
	Segments     []netip.Prefix
	Observations int
	Assets       int
	New          int
	Missing      int
}

// Observation is one stored sighting.
type Observation struct {
	ID      string // UUID
	SweepID string
	AssetID string // the asset it was resolved to; empty if not yet
	record.Observation
}

// Asset is an asset's current state. Record carries the device's fields
// (AssetID, State, FirstSeen, LastSeen included); the people's fields of
// Record (Approved, Site, Role, Owner, Tags) are filled from the
// annotation on read and ignored on write.
type Asset struct {
	Record record.Asset
	// StateSince is when State was entered.
	StateSince time.Time
	// MissedSweeps counts complete sweeps of its subnet that did not see it
	// since it was last seen.
	MissedSweeps int
	LastSweepID  string
	MergedInto   string
	// SoftwareDigest is a digest of the asset's latest software snapshot,
	// set by ingest; stores keep and return it as given.
	SoftwareDigest string
}

// AssetFilter selects assets; zero values select everything except merged
// assets.
type AssetFilter struct {
	IDs        []string
	States     []string
	Vendor     string // case-insensitive substring of vendor or mac_vendor
	DeviceType string // exact, case-insensitive
	Subnet     netip.Prefix
	SeenSince  time.Time
	Unapproved bool
	// Approved lists approved assets only (with Unapproved: none).
	Approved bool
	// IncludeMerged lists merged assets too.
	IncludeMerged bool
	// Search is a case-insensitive substring of the address, any address,
	// the MAC, any MAC, the hostname, the serial or the model (SearchMatch
	// says which assets it selects; a newline selects none).
	Search string
	// After lists only assets whose ID sorts after it: a listing's cursor.
	// With Sort, the assets after (AfterKey, After) in the sort order.
	After string
	// Sort orders the listing by one of SortKeys, then by ID; empty: by
	// ID. Desc reverses both. Stores order in the query (an index), so a
	// sorted page costs what an unsorted one does.
	Sort string
	Desc bool
	// AfterKey is SortValue(Sort, a) of the asset After names.
	AfterKey string
	// Limit ends the listing after this many assets (0: no limit).
	Limit int
}

// SearchText is the text a Search is a substring of: the record's
// searched fields, lower case, one a line (ip, ips, mac, macs, hostname,
// serial, model), so that no match spans two fields. Stores that index it
// keep it in this layout.
func SearchText(r *record.Asset) string {
	var b strings.Builder
	if r.IP.IsValid() {
		b.WriteString(r.IP.String())
	}
	b.WriteByte('\n')
	for i, ip := range r.IPs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(ip.String())
	}
	b.WriteByte('\n')
	if len(r.MAC) > 0 {
		b.WriteString(r.MAC.String())
	}
	b.WriteByte('\n')
	for i, m := range r.MACs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(m.String())
	}
	b.WriteByte('\n')
	b.WriteString(r.Hostname)
	b.WriteByte('\n')
	b.WriteString(r.Serial)
	b.WriteByte('\n')
	b.WriteString(r.Model)
	return strings.ToLower(b.String())
}

// SearchAddresses are the record's searched addresses (ip, ips, mac,
// macs), lower case: the part of SearchText a store may index by every
// suffix, since their trigrams are common to every asset.
func SearchAddresses(r *record.Asset) []string {
	var out []string
	if r.IP.IsValid() {
		out = append(out, strings.ToLower(r.IP.String()))
	}
	for _, ip := range r.IPs {
		out = append(out, strings.ToLower(ip.String()))
	}
	if len(r.MAC) > 0 {
		out = append(out, r.MAC.String())
	}
	for _, m := range r.MACs {
		out = append(out, m.String())
	}
	return out
}

// SearchMatch reports whether a Search for s selects the record: the
// filter as every backend applies it.
func SearchMatch(r *record.Asset, s string) bool {
	if s == "" {
		return true
	}
	if strings.ContainsRune(s, '\n') {
		return false
	}
	return strings.Contains(SearchText(r), strings.ToLower(s))
}

// InSubnet reports whether the record's address, or one of its addresses,
// lies in p: the subnet filter, applied the same way by every backend.
func InSubnet(p netip.Prefix, r *record.Asset) bool {
	if r.IP.IsValid() && p.Contains(r.IP) {
		return true
	}
	for _, ip := range r.IPs {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// Presence is what a sweep's absence check reads of an asset: its state,
// its address and when and by which sweep it was last seen.
type Presence struct {
	AssetID     string
	State       string
	IP          netip.Addr
	LastSeen    time.Time
	LastSweepID string
}

// Annotation is what people say about an asset.
type Annotation struct {
	AssetID    string
	Approved   bool
	ApprovedAt time.Time
	ApprovedBy string
	Site       string
	Role       string
	Owner      string
	Tags       []string
	Updated    time.Time
}

// AssetKey is one identity key an asset was tied by.
type AssetKey struct {
	AssetID string
	Key     identity.Key
	// FirstSeen is when the key first tied to the asset.
	FirstSeen time.Time
}

// KeySet is keys once each, and their values in first-seen order: what
// a store's KeyHolders asks for (by value) and keeps (the whole key).
func KeySet(keys []identity.Key) (map[identity.Key]bool, []string) {
	want := make(map[identity.Key]bool, len(keys))
	values := make([]string, 0, len(keys))
	for _, k := range keys {
		if !want[k] {
			want[k] = true
			values = append(values, k.Value)
		}
	}
	return want, values
}

// CompareKeys orders asset keys as Keys lists them: by asset, kind and
// value.
func CompareKeys(a, b AssetKey) int {
	return cmp.Or(strings.Compare(a.AssetID, b.AssetID), strings.Compare(string(a.Key.Kind), string(b.Key.Kind)),
		strings.Compare(a.Key.Value, b.Key.Value))
}

// Decision kinds.
const (
	DecisionMerge = "merge"
	DecisionSplit = "split"
)

// Decision is a person's correction of identity, kept for later sweeps.
type Decision struct {
	ID    string
	Time  time.Time
	Kind  string // DecisionMerge or DecisionSplit
	Actor string
	// Merge: B is the same device as A. Split: Key never belongs to A.
	AssetA string
	AssetB string
	Key    identity.Key
}

// Event is one entry of an asset's history.
type Event struct {
	ID      string
	Time    time.Time
	SweepID string // empty for a person's action
	// Seq orders events of the same second: the order they were
	// recorded in (Events lists by Time, then Seq).
	Seq     int64
	AssetID string
	Type    string
	Field   string
	Old     string
	New     string
	Actor   string
}

// EventFilter selects events, oldest first.
type EventFilter struct {
	AssetID string
	Since   time.Time
	// After, when its ID is set, lists only the events after it in the
	// listing's order (Time, then Seq, then ID): a keyset cursor, for
	// reading on from the last event read however many share a second.
	After EventKey
	Types []string
	Limit int // 0: all
}

// EventKey is an event's place in the events' order.
type EventKey struct {
	Time time.Time
	Seq  int64
	ID   string
}

// Key is e's place in the events' order.
func (e *Event) Key() EventKey { return EventKey{Time: e.Time, Seq: e.Seq, ID: e.ID} }

// EventLog reads events in the order they were stored, not by their
// time: a reader of new events (serve's alerts) misses none whose time
// lies behind one it read already (a spooled sweep replayed late, a
// drift finding stamped with when it began). A position is a string
// only the store that gave it reads; it survives restarts.
//
// SQLite numbers events as it stores them, so a read lists each once.
// ClickHouse has no such sequence across writers, shards and change sets:
// it stamps each event with when it was stored (never before its own
// time) and a read from a position lists every event that became
// visible since, at least once: it reads again the events stored, or
// whose change set was committed, within an overlap before the
// last read through, so some are listed twice. Readers drop those by
// the event's ID.
type EventLog interface {
	// EventLogFrom is a position a read from which lists every event of
	// time t or later, and every event stored afterwards (maybe some
	// stored before of an earlier time): with t now, only what comes.
	EventLogFrom(ctx context.Context, t time.Time) (string, error)
	// EventsStored lists up to limit events of types (all if none)
	// stored after pos, in the order stored, and the position to read on
	// from. Fewer than limit: the read is through, for now.
	EventsStored(ctx context.Context, pos string, types []string, limit int) ([]Event, string, error)
}

// Software is one row of a software snapshot.
type Software struct {
	AssetID string
	SweepID string
	Time    time.Time
	record.Software
}

// Sample is one capacity measurement.
type Sample struct {
	AssetID  string
	SweepID  string
	Time     time.Time
	Metric   string // e.g. if_in_octets, storage_used_bytes
	Instance string // e.g. interface index or storage description
	Value    float64
}

// SampleFilter selects samples, oldest first.
type SampleFilter struct {
	AssetID string
	// AssetIDs selects the samples of any of these assets (with AssetID
	// empty): one read for many assets.
	AssetIDs []string
	Metric   string
	Since    time.Time
}

// Interface is one interface of an asset as a sweep saw it.
type Interface struct {
	AssetID string
	SweepID string
	Time    time.Time
	record.Interface
}

// Neighbor is one LLDP/CDP neighbour of an asset as a sweep saw it.
type Neighbor struct {
	AssetID string
	SweepID string
	Time    time.Time
	record.Neighbor
}

// Location is where an asset was plugged in as a sweep saw it: one row
// per asset and sweep, so its history says where it has been.
type Location struct {
	AssetID string
	SweepID string
	Time    time.Time
	// MAC is the address the switch learnt.
	MAC record.MAC
	record.Location
	// Rule is the location rule that concluded it (its evidence's rule).
	Rule string
}

// LocationFilter selects location rows, oldest first.
type LocationFilter struct {
	AssetID string
	// SwitchID selects the rows on that switch's ports.
	SwitchID string
	Since    time.Time
	Limit    int // 0: all; else the newest Limit rows
}

// PruneStats counts what Prune removed.
type PruneStats struct {
	Observations int64
	Samples      int64
	Software     int64
	Interfaces   int64
	Neighbors    int64
	Locations    int64
}

// Store is the CMDB's storage. Methods are safe for concurrent use.
type Store interface {
	// Migrate brings the schema to the binary's version and returns how
	// many steps it applied (0 when current). A schema newer than the
	// binary is ErrSchemaNewer and nothing is touched.
	Migrate(ctx context.Context) (applied int, err error)
	// SchemaVersion is the version the store is at.
	SchemaVersion(ctx context.Context) (int, error)
	Close() error

	// PutSweep inserts or replaces a sweep by ID.
	PutSweep(ctx context.Context, s Sweep) error
	// Sweeps lists sweeps, newest first; limit 0 lists all.
	Sweeps(ctx context.Context, limit int) ([]Sweep, error)
	Sweep(ctx context.Context, id string) (Sweep, error)

	// AppendObservations adds observations; an ID already stored is
	// skipped, so replaying a batch stores each observation once.
	AppendObservations(ctx context.Context, obs []Observation) error
	// Observations lists a sweep's observations (all sweeps if sweepID is
	// empty) of one asset (all if assetID is empty), in ID order.
	Observations(ctx context.Context, sweepID, assetID string) ([]Observation, error)

	// PutAssets inserts or replaces assets' current state.
	PutAssets(ctx context.Context, as []Asset) error
	Asset(ctx context.Context, id string) (Asset, error)
	// Assets lists assets in ID order.
	Assets(ctx context.Context, f AssetFilter) ([]Asset, error)
	// Presences lists what absence reads of the (unmerged) assets in
	// one of states whose address lies in one of within (nil: wherever),
	// in no set order: a sweep finds the few it missed without reading
	// every asset.
	Presences(ctx context.Context, within []netip.Prefix, states ...string) ([]Presence, error)

	// Annotate inserts or replaces what people say about assets, in one
	// write however many.
	Annotate(ctx context.Context, ns ...Annotation) error
	// Annotation returns an asset's annotation, or a zero one (with
	// AssetID set) when there is none.
	Annotation(ctx context.Context, assetID string) (Annotation, error)

	// AddKeys records identity keys; a key already held by the asset is
	// kept with its first FirstSeen.
	AddKeys(ctx context.Context, ks []AssetKey) error
	// DeleteKeys removes keys from assets (a split, a merge moving keys).
	DeleteKeys(ctx context.Context, ks []AssetKey) error
	// Keys lists the keys of the given assets (all assets if none given),
	// ordered by asset, kind and value.
	Keys(ctx context.Context, assetIDs ...string) ([]AssetKey, error)
	// KeyHolders lists the keys held that are one of keys, ordered as
	// Keys: the assets a sweep's keys can tie to.
	KeyHolders(ctx context.Context, keys []identity.Key) ([]AssetKey, error)

	AddDecision(ctx context.Context, d Decision) error
	// Decisions lists every decision, oldest first.
	Decisions(ctx context.Context) ([]Decision, error)

	AppendEvents(ctx context.Context, es []Event) error
	Events(ctx context.Context, f EventFilter) ([]Event, error)
	EventLog

	AppendSoftware(ctx context.Context, rows []Software) error
	// Software returns the asset's latest software snapshot.
	Software(ctx context.Context, assetID string) ([]Software, error)
	// LatestSoftware returns the latest software snapshot of each given
	// asset (every asset when assetIDs is empty), ordered as Software
	// orders one; an asset without software has no entry. It reads in bulk:
	// a few queries however many assets.
	LatestSoftware(ctx context.Context, assetIDs []string) (map[string][]Software, error)

	AppendSamples(ctx context.Context, rows []Sample) error
	Samples(ctx context.Context, f SampleFilter) ([]Sample, error)

	AppendInterfaces(ctx context.Context, rows []Interface) error
	// Interfaces returns the asset's latest interfaces, by index.
	Interfaces(ctx context.Context, assetID string) ([]Interface, error)

	AppendNeighbors(ctx context.Context, rows []Neighbor) error
	// Neighbors returns the asset's latest neighbors.
	Neighbors(ctx context.Context, assetID string) ([]Neighbor, error)

	// AppendLocations records where assets were seen plugged in; a row of
	// the same asset and sweep is stored once.
	AppendLocations(ctx context.Context, rows []Location) error
	// Locations lists location rows, oldest first.
	Locations(ctx context.Context, f LocationFilter) ([]Location, error)

	// Prune deletes observations and capacity samples older than before,
	// and software, interface, neighbor and location snapshots older than
	// before except each asset's latest (moved events keep older places). Assets, events, keys, annotations,
	// decisions and sweeps are kept.
	Prune(ctx context.Context, before time.Time) (PruneStats, error)
}

// Atomic is a Store that runs several writes as one transaction: fn's
// writes through tx are all stored, or none of them is (SQLite). fn reads
// through tx too, and sees its own writes. A store that is not Atomic
// writes each call on its own.
//
// ClickHouse has no transactions: there fn's writes are a change set,
// invisible to every reader until fn returns nil and the change set is
// committed (one INSERT); fn's reads do not see its own writes. A change
// set cut short (the writer or the server died) stays invisible; written
// again under the same ID (WithChangeSet) and committed, each of its rows
// shows once.
type Atomic interface {
	Atomically(ctx context.Context, fn func(ctx context.Context, tx Store) error) error
}

type changeSetKey struct{}

// WithChangeSet names the change set that Atomically on a store without
// transactions writes under: the same ID for the same writes (a sweep's
// ID) makes writing them again (a spooled sweep replayed after a store
// failed part way) one write. Without it, each run is a change set of its
// own.
func WithChangeSet(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, changeSetKey{}, id)
}

// ChangeSetOf is the change set ID WithChangeSet put in ctx ("" if none).
func ChangeSetOf(ctx context.Context) string {
	id, _ := ctx.Value(changeSetKey{}).(string)
	return id
}

// AssetStreamer is a Store that hands out a listing's assets as it reads
// them, instead of building the whole list first: ClickHouse. fn gets
// each asset Assets(f) would list, in Assets' order where the store reads
// in it (a ClickHouse cluster's shards interleave); the asset is valid
// only during the call.
type AssetStreamer interface {
	EachAsset(ctx context.Context, f AssetFilter, fn func(*Asset) error) error
}

// Second truncates t to the second, in UTC: what every store keeps.
func Second(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Second)
}

// DerivedUUID returns the UUID (version 5 layout) of the n-th item of
// parent: the same for the same parent and n, so a batch derived from a
// sweep and written again (a spooled sweep replayed after a store failed
// part way) is stored once.
func DerivedUUID(parent string, n int) string {
	h := sha1.Sum([]byte("netcensus:" + parent + ":" + strconv.Itoa(n)))
	h[6] = (h[6] & 0x0f) | 0x50
	h[8] = (h[8] & 0x3f) | 0x80
	x := hex.EncodeToString(h[:16])
	return x[0:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:32]
}

// NewUUID returns a random UUID (version 7: its first 48 bits are the
// Unix time in milliseconds, so IDs sort roughly by creation).
func NewUUID(now time.Time) string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // never fails (Go 1.24+: it crashes the program instead)
	var ms [8]byte
	binary.BigEndian.PutUint64(ms[:], uint64(now.UnixMilli()))
	copy(b[0:6], ms[2:8])
	b[6] = (b[6] & 0x0f) | 0x70
	b[8] = (b[8] & 0x3f) | 0x80
	x := hex.EncodeToString(b[:])
	return x[0:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:32]
}

// The orders a listing may be sorted in (AssetFilter.Sort): the columns a
// person sees. Text is compared case-insensitively (ASCII), times and
// approval as numbers, addresses as numbers (IPv4 before IPv6).
const (
	SortIP        = "ip"
	SortMAC       = "mac"
	SortHostname  = "hostname" // the best name: record.Asset.Name
	SortVendor    = "vendor"   // the vendor, else the MAC's vendor
	SortModel     = "model"
	SortSerial    = "serial"
	SortOS        = "os" // "OS version"
	SortType      = "type"
	SortSite      = "site"
	SortState     = "state"
	SortApproved  = "approved"
	SortFirstSeen = "first_seen"
	SortLastSeen  = "last_seen"
)

// SortKeys are the orders stores know.
var SortKeys = []string{SortIP, SortMAC, SortHostname, SortVendor, SortModel, SortSerial, SortOS, SortType, SortSite, SortState,
	SortApproved, SortFirstSeen, SortLastSeen}

// IsSortKey says whether k is one of SortKeys.
func IsSortKey(k string) bool {
	for _, x := range SortKeys {
		if x == k {
			return true
		}
	}
	return false
}

// SortValue is the value an asset is ordered by under sort, as stores keep
// it and as a cursor carries it: text as shown (compared without ASCII
// case), times as Unix seconds, approval as 0 or 1, an address as the
// hex of its 16 bytes (IPv4 mapped, so before IPv6; none is "").
func SortValue(sort string, a *Asset) string {
	r := &a.Record
	switch sort {
	case SortIP:
		return IPSortKey(r.IP)
	case SortMAC:
		if len(r.MAC) == 0 {
			return ""
		}
		return r.MAC.String()
	case SortHostname:
		return r.Name()
	case SortVendor:
		if r.Vendor != "" {
			return r.Vendor
		}
		return r.MACVendor
	case SortModel:
		return r.Model
	case SortSerial:
		return r.Serial
	case SortOS:
		return OSText(r)
	case SortType:
		return r.DeviceType
	case SortSite:
		return r.Site
	case SortState:
		return r.State
	case SortApproved:
		if r.Approved != nil && *r.Approved {
			return "1"
		}
		return "0"
	case SortFirstSeen:
		return strconv.FormatInt(unixOrZero(r.FirstSeen), 10)
	case SortLastSeen:
		return strconv.FormatInt(unixOrZero(r.LastSeen), 10)
	}
	return ""
}

// CompareSortValues compares two SortValues of sort as stores order
// them: numbers as numbers, other text without ASCII case.
func CompareSortValues(sort, a, b string) int {
	switch sort {
	case SortFirstSeen, SortLastSeen, SortApproved:
		x, _ := strconv.ParseInt(a, 10, 64)
		y, _ := strconv.ParseInt(b, 10, 64)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	return strings.Compare(asciiLower(a), asciiLower(b))
}

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// OSText is the OS and its version as one text ("Linux 6.1").
func OSText(r *record.Asset) string {
	switch {
	case r.OS == "":
		return r.OSVersion
	case r.OSVersion == "":
		return r.OS
	}
	return r.OS + " " + r.OSVersion
}

// IPSortKey orders addresses as numbers: the hex of the 16-byte form.
// IPSortRange is the first and last IPSortKey of the addresses of p.
func IPSortRange(p netip.Prefix) (lo, hi string) {
	p = p.Masked()
	b := p.Addr().As16()
	bits := p.Bits()
	if p.Addr().Is4() {
		bits += 96
	}
	lo = hex.EncodeToString(b[:])
	for i := bits; i < 128; i++ {
		b[i/8] |= 0x80 >> (i % 8)
	}
	return lo, hex.EncodeToString(b[:])
}

func IPSortKey(ip netip.Addr) string {
	if !ip.IsValid() {
		return ""
	}
	b := ip.As16()
	return hex.EncodeToString(b[:])
}

func unixOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}
