import Hummingbird
import RegistrySQLite
public enum P3 {}
