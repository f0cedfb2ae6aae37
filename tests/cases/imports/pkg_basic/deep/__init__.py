from .. import PKG_CONST
DEEP = PKG_CONST + '.deep'
