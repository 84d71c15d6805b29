// Amazon Inspector resources: organisation-wide Inspector (v2) scanning enablement, findings gates, and Inspector Classic assessment runs.
package inspector
