import Frameplot
print("frameplot-bench: not yet implemented")
