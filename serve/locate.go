package serve

import (
	"errors"
	"net/http"

	"github.com/netcensus/netcensus/inventory"
)

// locateRoutes are switch-port location: where a device is plugged in and
// has been, and a switch's ports with what is on each.
func (s *Server) locateRoutes() []route {
	return []route{
		{"GET", "/api/v1/assets/{id}/location", scopeRead, s.getLocation},
		{"GET", "/api/v1/switches/{id}/ports", scopeRead, s.getPorts},
	}
}

// maxQuery bounds a MAC, IP or ID in a path.
const maxQuery = 128

// getLocation answers GET /api/v1/assets/{id}/location: {id} is an asset
// ID (or a unique prefix), a MAC or an IP address.
func (s *Server) getLocation(w http.ResponseWriter, r *http.Request, _ string) {
	q, err := deviceQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	wh, err := s.deps.Inventory.Locate(r.Context(), q)
	if err != nil {
		s.fail(w, r, locateErr(err))
		return
	}
	writeJSON(w, http.StatusOK, wh)
}

// getPorts answers GET /api/v1/switches/{id}/ports: {id} names the switch
// as for getLocation.
func (s *Server) getPorts(w http.ResponseWriter, r *http.Request, _ string) {
	q, err := deviceQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ps, err := s.deps.Inventory.Ports(r.Context(), q)
	if err != nil {
		s.fail(w, r, locateErr(err))
		return
	}
	writeJSON(w, http.StatusOK, ps)
}

func deviceQuery(r *http.Request) (string, error) {
	if err := checkParams(r.URL.Query(), nil); err != nil {
		return "", err
	}
	q := r.PathValue("id")
	if q == "" || len(q) > maxQuery {
		return "", badf("want an asset ID, MAC or IP address of at most %d characters", maxQuery)
	}
	return q, nil
}

// locateErr makes an ambiguous query the client's error.
func locateErr(err error) error {
	if errors.Is(err, inventory.ErrAmbiguous) {
		return badf("%v", err)
	}
	return err
}
