package assemble

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/internal/timespec"
	"github.com/netcensus/netcensus/inventory/drift"
)

// ExportRequest is what the export command is asked for: the format, the
// file (Out; "" for stdout), the kinds (What: names, comma-separated
// lists), the baselines of --what drift, the window of events and
// capacity, NetBox's defaults and, with NetBoxURL, a push to that NetBox
// through its API with the token of NetBoxTokenFile or the environment.
type ExportRequest struct {
	Format, Out                string
	Since                      timespec.Since
	What, Baselines            []string
	NetBox                     exporters.NetBoxDefaults
	NetBoxURL, NetBoxTokenFile string
}

// Kinds reads What and checks it with Format and NetBoxURL
// (exporters.ExportOptions.Check); a bad one is a *SettingsError naming
// the flag.
func (r ExportRequest) Kinds() ([]string, error) {
	if r.NetBoxURL != "" && r.Format != "netbox" {
		return nil, &SettingsError{errors.New("--netbox-url goes with --format netbox")}
	}
	kinds, err := exporters.ParseKinds(r.What)
	if err == nil {
		err = exporters.ExportOptions{Format: r.Format, Kinds: kinds}.Check()
	}
	if err != nil {
		return nil, &SettingsError{fmt.Errorf("--%w", err)}
	}
	return kinds, nil
}

// NetBoxClient is NetBoxURL's client, with the token of NetBoxTokenFile
// or $NETCENSUS_NETBOX_TOKEN (exporters.NetBoxToken); no token, or a file
// it cannot read, is a *SettingsError.
func (r ExportRequest) NetBoxClient(getenv func(string) string) (*exporters.NetBoxClient, error) {
	token, err := exporters.NetBoxToken(r.NetBoxTokenFile, getenv)
	if errors.Is(err, exporters.ErrNoNetBoxToken) {
		return nil, &SettingsError{errors.New("--netbox-url needs a token: set NETCENSUS_NETBOX_TOKEN or give --netbox-token-file")}
	} else if err != nil {
		return nil, &SettingsError{fmt.Errorf("--netbox-token-file: %w", err)}
	}
	return &exporters.NetBoxClient{BaseURL: r.NetBoxURL, Token: token}, nil
}

// Export runs r on the store: it checks the kinds (Kinds), refuses xlsx
// to a terminal (terminal: stdout is one), reads the baselines of
// --what drift (Baselines) and NetBox's token, all before the store is
// opened; then it pushes the devices to NetBox, or writes the export to
// Out or stdout (exporters.ExportTo). The push says what it did on
// stderr.
func (s StoreSettings) Export(ctx context.Context, r ExportRequest, stdout, stderr io.Writer, terminal bool) error {
	kinds, err := r.Kinds()
	if err != nil {
		return err
	}
	if r.Format == "xlsx" && r.Out == "" && r.NetBoxURL == "" && terminal {
		return &SettingsError{errors.New("--format xlsx is a binary file: refusing to write it to a terminal; give -O FILE (or redirect stdout)")}
	}
	var bs []drift.Baseline
	if slices.Contains(kinds, exporters.KindDrift) {
		if bs, err = Baselines(r.Baselines); err != nil {
			return err
		}
	}
	var nb *exporters.NetBoxClient
	if r.NetBoxURL != "" {
		if nb, err = r.NetBoxClient(s.Getenv); err != nil {
			return err
		}
	}
	inv, done, err := s.OpenInventory(ctx)
	if err != nil {
		return err
	}
	defer done()
	if nb != nil {
		return nb.PushStore(ctx, inv.Store(), r.NetBox, stderr)
	}
	o := exporters.ExportOptions{Format: r.Format, Kinds: kinds, NetBox: r.NetBox, Baselines: bs, Since: r.Since.At(time.Now())}
	return exporters.ExportTo(ctx, inv.Store(), r.Out, stdout, o)
}
