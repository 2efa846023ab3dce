import Frameplot
print("frameplot: not yet implemented")
