package org.customerportal.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A typed prometheus-operator ServiceMonitor (monitoring.coreos.com/v1) holding the fields the chart
 * renders. fabric8's own model of it is not published for the client version used here. Fields it
 * does not know land in {@code additionalProperties}, so the strict parsing catches a misspelt key.
 */
@Group("monitoring.coreos.com")
@Version("v1")
@Kind("ServiceMonitor")
public class ServiceMonitor extends CustomResource<ServiceMonitor.Spec, Void> implements Namespaced {

	public static class Spec extends Unknown {

		private String jobLabel;

		private LabelSelector selector;

		private NamespaceSelector namespaceSelector;

		private List<Endpoint> endpoints;

		public String getJobLabel() {
			return jobLabel;
		}

		public void setJobLabel(String jobLabel) {
			this.jobLabel = jobLabel;
		}

		public LabelSelector getSelector() {
			return selector;
		}

		public void setSelector(LabelSelector selector) {
			this.selector = selector;
		}

		public NamespaceSelector getNamespaceSelector() {
			return namespaceSelector;
		}

		public void setNamespaceSelector(NamespaceSelector namespaceSelector) {
			this.namespaceSelector = namespaceSelector;
		}

		public List<Endpoint> getEndpoints() {
			return endpoints;
		}

		public void setEndpoints(List<Endpoint> endpoints) {
			this.endpoints = endpoints;
		}

	}

	public static class NamespaceSelector extends Unknown {

		private Boolean any;

		private List<String> matchNames;

		public Boolean getAny() {
			return any;
		}

		public void setAny(Boolean any) {
			this.any = any;
		}

		public List<String> getMatchNames() {
			return matchNames;
		}

		public void setMatchNames(List<String> matchNames) {
			this.matchNames = matchNames;
		}

	}

	public static class Endpoint extends Unknown {

		private String port;

		private String path;

		private String scheme;

		private String interval;

		private String scrapeTimeout;

		public String getPort() {
			return port;
		}

		public void setPort(String port) {
			this.port = port;
		}

		public String getPath() {
			return path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public String getScheme() {
			return scheme;
		}

		public void setScheme(String scheme) {
			this.scheme = scheme;
		}

		public String getInterval() {
			return interval;
		}

		public void setInterval(String interval) {
			this.interval = interval;
		}

		public String getScrapeTimeout() {
			return scrapeTimeout;
		}

		public void setScrapeTimeout(String scrapeTimeout) {
			this.scrapeTimeout = scrapeTimeout;
		}

	}

	/** Collects fields this model does not declare, like fabric8's generated classes do. */
	public abstract static class Unknown {

		private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

		public Map<String, Object> getAdditionalProperties() {
			return additionalProperties;
		}

		@JsonAnySetter
		public void setAdditionalProperty(String name, Object value) {
			additionalProperties.put(name, value);
		}

	}

}
