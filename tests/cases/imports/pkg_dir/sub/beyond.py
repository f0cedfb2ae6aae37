from ...pkg_dir import a
