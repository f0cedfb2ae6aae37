WHERE = 'ns_pkg.inner.mod'
