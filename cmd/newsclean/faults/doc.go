// Package faults holds the fault-injection tests of the newsclean binary:
// they build cmd/newsclean, run it over generated pages, and kill it,
// fill its disk, signal it, feed it unreadable inputs and load its server
// with slow clients. Everything stays on this machine (loopback only).
//
// The long cases run only when NEWSCLEAN_FAULTS_LONG=1 is set (see
// .ci/check-faults.sh): 100,000 documents for memory, and 1,000 slow
// clients against serve.
package faults
