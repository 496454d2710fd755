package io.valkeystreams.spring;

import io.valkeystreams.core.admin.ProvisionReport;
import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.catalog.StreamCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/** Provisions the catalog when the context starts, before any container reads. */
public final class StreamsProvisioning implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StreamsProvisioning.class);

    private final Provisioner provisioner;
    private final StreamCatalog catalog;
    private ProvisionReport report;

    /** Creates the provisioning step. */
    public StreamsProvisioning(Provisioner provisioner, StreamCatalog catalog) {
        this.provisioner = provisioner;
        this.catalog = catalog;
    }

    @Override
    public void afterPropertiesSet() {
        report = provisioner.provision(catalog);
        log.info("valkey-streams provisioned {} streams: created {} keys and {} groups, {} groups already existed",
                catalog.streams().size(), report.createdKeys().size(), report.createdGroups().size(),
                report.existingGroups().size());
    }

    /** What provisioning did at start-up. */
    public ProvisionReport report() {
        return report;
    }
}
