from __future__ import annotations, generator_stop
import __future__


def f(x: int) -> list[str]:
    pass


print(f.__annotations__)
print(__future__.annotations, __future__.division.getMandatoryRelease())
print(__future__.all_feature_names)
print(generator_stop.compiler_flag, __future__.CO_FUTURE_ANNOTATIONS)
print(sorted(__future__.__all__) == sorted(['all_feature_names'] + __future__.all_feature_names))
