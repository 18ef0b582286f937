import RegistryDomain
import GRDB
public enum P2 {}
