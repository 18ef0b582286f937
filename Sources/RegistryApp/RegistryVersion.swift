/// The version this build reports (`integration-registry version`, `registry_build_info`).
public let registryVersion = "0.1.0"
