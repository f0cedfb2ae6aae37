import os.path as __debug__
