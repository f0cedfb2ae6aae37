print('before')
import pkg_errs.raiser
