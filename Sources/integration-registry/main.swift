import RegistryApp
import ArgumentParser
print("x")
