# ast-args: --no-type-comments
import os
print(os.sep)
