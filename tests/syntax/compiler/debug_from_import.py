from os import path as __debug__
