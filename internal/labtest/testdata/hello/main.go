// Command hello is what labtest's own tests build with BuildBinary.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from", os.Args[0])
}
