package fingerprints

import (
	"github.com/netcensus/netcensus/fingerprints/maker"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestModelWithoutMakerName holds the model format for every profile: no
// fixture's model starts with its vendor's name and a space, and a model
// the engine shortened says so in its evidence.
func TestModelWithoutMakerName(t *testing.T) {
	e := engine(t)
	n := 0
	err := filepath.WalkDir("testdata/fixtures", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".snmprec") {
			return err
		}
		got, _ := identifyFile(t, e, p)
		if got.Model == "" || got.Vendor == "" {
			return nil
		}
		n++
		if m, ok := maker.DropName(got.Model, got.Vendor); ok {
			t.Errorf("%s: model %q starts with its vendor %q (would read %q)", p, got.Model, got.Vendor, m)
		}
		return nil
	})
	if err != nil || n < 300 {
		t.Fatalf("walked %d fixtures with a vendor and model: %v", n, err)
	}
}

// TestPrinterModelFormat: printers of every maker give the model as the
// maker names it, without the maker's name or hrDeviceDescr's " Series"
// (Xerox's whole product name, as the device and the definition name it),
// and the printer profiles' own rules give it so (the evidence names no
// engine shortening).
func TestPrinterModelFormat(t *testing.T) {
	e := engine(t)
	for _, c := range []struct{ file, model string }{
		{"hp-printer.snmprec", "LaserJet Pro M404dn"},
		{"canon-printer.snmprec", "iR-ADV C5535"},
		{"brother-printer.snmprec", "HL-L6200DW"},
		{"epson-printer.snmprec", "ET-4750"},
		{"xerox-printer.snmprec", "WorkCentre 7845 v1 Multifunction System"},
		{"devices/fujifilm-printer.snmprec", "Apeos C3570"},
		{"devices/pantum-printer.snmprec", "P3300DW"},
		{"devices/dell-printer.snmprec", "Color Laser 3110cn"},
		{"c-d/dell-laser.snmprec", "Laser Printer 5310n"},
	} {
		got, _ := identifyFile(t, e, filepath.Join("testdata/fixtures", c.file))
		if got.DeviceType != "printer" {
			t.Errorf("%s: device_type %q", c.file, got.DeviceType)
		}
		if got.Model != c.model {
			t.Errorf("%s: model %q, want %q", c.file, got.Model, c.model)
		}
		if ev := got.Evidence[FieldModel]; strings.Contains(ev.Rule, "maker's name dropped") {
			t.Errorf("%s: the profile's rule left the maker's name for the engine to drop: %+v", c.file, ev)
		}
	}
}
