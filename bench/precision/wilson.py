#!/usr/bin/env python3
"""95% Wilson score interval for k right out of n: wilson.py K N"""
import math
import sys

k, n = int(sys.argv[1]), int(sys.argv[2])
z = 1.959964
p = k / n
d = 1 + z * z / n
c = (p + z * z / (2 * n)) / d
h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
print(f"{k}/{n} = {p:.1%}, 95% Wilson [{max(0, c - h):.3f}, {min(1, c + h):.3f}]")
