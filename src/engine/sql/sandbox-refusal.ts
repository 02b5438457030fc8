/** Engine messages that mean the sandbox said no: file access outside the allowed paths, network, settings. */
export const SANDBOX_REFUSAL =
  /Permission Error|external access|enable_external_access|disabled by configuration|lock_configuration|cannot change configuration|allowed_(directories|paths)|not allowed/i;
