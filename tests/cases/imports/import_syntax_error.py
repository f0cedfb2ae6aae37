print('before')
import pkg_errs.bad_syntax
