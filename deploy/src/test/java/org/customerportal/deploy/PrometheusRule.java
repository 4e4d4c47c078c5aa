package org.customerportal.deploy;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A typed prometheus-operator PrometheusRule (monitoring.coreos.com/v1) with the fields of its
 * published CRD the chart renders; like {@link ServiceMonitor}, unknown fields fail the strict parsing.
 */
@Group("monitoring.coreos.com")
@Version("v1")
@Kind("PrometheusRule")
public class PrometheusRule extends CustomResource<PrometheusRule.Spec, Void> implements Namespaced {

	public static class Spec extends ServiceMonitor.Unknown {

		private List<RuleGroup> groups;

		public List<RuleGroup> getGroups() {
			return groups;
		}

		public void setGroups(List<RuleGroup> groups) {
			this.groups = groups;
		}

	}

	public static class RuleGroup extends ServiceMonitor.Unknown {

		private String name;

		private String interval;

		private List<Rule> rules;

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getInterval() {
			return interval;
		}

		public void setInterval(String interval) {
			this.interval = interval;
		}

		public List<Rule> getRules() {
			return rules;
		}

		public void setRules(List<Rule> rules) {
			this.rules = rules;
		}

	}

	public static class Rule extends ServiceMonitor.Unknown {

		private String alert;

		private String record;

		private String expr;

		private String forDuration;

		private Map<String, String> labels;

		private Map<String, String> annotations;

		public String getAlert() {
			return alert;
		}

		public void setAlert(String alert) {
			this.alert = alert;
		}

		public String getRecord() {
			return record;
		}

		public void setRecord(String record) {
			this.record = record;
		}

		public String getExpr() {
			return expr;
		}

		public void setExpr(String expr) {
			this.expr = expr;
		}

		@com.fasterxml.jackson.annotation.JsonProperty("for")
		public String getFor() {
			return forDuration;
		}

		@com.fasterxml.jackson.annotation.JsonProperty("for")
		public void setFor(String forDuration) {
			this.forDuration = forDuration;
		}

		public Map<String, String> getLabels() {
			return labels;
		}

		public void setLabels(Map<String, String> labels) {
			this.labels = labels;
		}

		public Map<String, String> getAnnotations() {
			return annotations;
		}

		public void setAnnotations(Map<String, String> annotations) {
			this.annotations = annotations;
		}

	}

}
